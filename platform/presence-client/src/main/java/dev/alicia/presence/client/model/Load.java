package dev.alicia.presence.client.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The contacts an agent holds now. */
public record Load(List<ActiveContact> contacts) {

    public static final Load NONE = new Load(List.of());

    public Load {
        contacts = List.copyOf(contacts);
    }

    public int total() {
        return contacts.size();
    }

    public int count(Channel channel) {
        return (int) contacts.stream().filter(c -> c.channel() == channel).count();
    }

    public boolean hasExclusive() {
        return contacts.stream().anyMatch(c -> c.channel().exclusive());
    }

    public Optional<ActiveContact> find(String contactId) {
        return contacts.stream().filter(c -> c.contactId().equals(contactId)).findFirst();
    }

    public Load with(ActiveContact contact) {
        List<ActiveContact> more = new ArrayList<>(contacts);
        more.removeIf(c -> c.contactId().equals(contact.contactId()));
        more.add(contact);
        return new Load(more);
    }

    public Load without(String contactId) {
        List<ActiveContact> fewer = new ArrayList<>(contacts);
        fewer.removeIf(c -> c.contactId().equals(contactId));
        return new Load(fewer);
    }

    public Map<Channel, Integer> byChannel() {
        Map<Channel, Integer> counts = new EnumMap<>(Channel.class);
        contacts.forEach(c -> counts.merge(c.channel(), 1, Integer::sum));
        return counts;
    }

    /** {@code c-1=CHAT@0|c-2=VOICE@1764057600000}: how the load travels in Redis. */
    public String encode() {
        return contacts.stream()
                .map(c -> c.contactId() + "=" + c.channel() + "@" + c.reservedUntil())
                .collect(Collectors.joining("|"));
    }

    public static Load decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return NONE;
        }
        List<ActiveContact> contacts = new ArrayList<>();
        for (String entry : encoded.split("\\|", -1)) {
            int eq = entry.lastIndexOf('=');
            int at = entry.lastIndexOf('@');
            contacts.add(new ActiveContact(
                    entry.substring(0, eq),
                    Channel.valueOf(entry.substring(eq + 1, at)),
                    Long.parseLong(entry.substring(at + 1))));
        }
        return new Load(contacts);
    }
}
