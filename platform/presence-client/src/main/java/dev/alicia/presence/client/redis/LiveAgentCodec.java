package dev.alicia.presence.client.redis;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.Load;

/**
 * An agent's live state as one line of text, the value of their field in the tenant's state hash, and back. One
 * line rather than one field per attribute: the eligible-agents query returns dozens of agents per call, and one
 * bulk string each keeps Redis's reply and the client's parsing small. Parts are separated by {@code ;}; free text
 * is URL-encoded; Redis prefixes the version when it writes the line.
 *
 * <pre>version;status;breakReason;team;languages;skills;channels;capacity;strengths;load;idleSince
 * 7;AVAILABLE;;fraud;en=4,fr=5;stolen_card=5;CHAT,VOICE;CHAT=3,VOICE=1/3;empathy=0.95;;1764057600000</pre>
 */
final class LiveAgentCodec {

    private static final int PARTS = 11;

    private LiveAgentCodec() {}

    static String encode(LiveAgent agent) {
        return String.join(
                ";",
                agent.status().name(),
                text(agent.breakReason()),
                text(agent.team()),
                pairs(agent.languages()),
                pairs(agent.skills()),
                agent.channels().stream().map(Channel::name).sorted().collect(Collectors.joining(",")),
                agent.capacity().encode(),
                pairs(agent.strengths()),
                agent.load().encode(),
                String.valueOf(agent.idleSince()));
    }

    /** Reads {@code <version>;<state line>} as Redis stores it. */
    static LiveAgent decode(String tenantId, String agentId, String stored) {
        String[] all = splitExactly(stored, ';', PARTS);
        if (all == null) {
            throw new IllegalStateException("agent " + agentId + " has an unreadable live state");
        }
        long version = Long.parseLong(all[0]);
        String[] parts = java.util.Arrays.copyOfRange(all, 1, PARTS);
        return new LiveAgent(
                tenantId,
                agentId,
                untext(parts[2]),
                AgentStatus.valueOf(parts[0]),
                untext(parts[1]),
                parsePairs(parts[3], Integer::valueOf),
                parsePairs(parts[4], Integer::valueOf),
                channels(parts[5]),
                CapacityProfile.decode(parts[6]),
                parsePairs(parts[7], Double::valueOf),
                Load.decode(parts[8]),
                Long.parseLong(parts[9]),
                version);
    }

    private static <V> String pairs(Map<String, V> map) {
        return new TreeMap<>(map)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    // Decoding is on the routing path (dozens of agents per query): indexOf, no regular expressions.
    private static <V> Map<String, V> parsePairs(String encoded, Function<String, V> parse) {
        Map<String, V> map = new LinkedHashMap<>();
        int start = 0;
        while (start < encoded.length()) {
            int end = encoded.indexOf(',', start);
            end = end < 0 ? encoded.length() : end;
            int eq = encoded.indexOf('=', start);
            // Interned: a floor has a few dozen language, skill and strength names, and ranking compares them by
            // reference before reading their characters.
            map.put(encoded.substring(start, eq).intern(), parse.apply(encoded.substring(eq + 1, end)));
            start = end + 1;
        }
        return map;
    }

    private static Set<Channel> channels(String encoded) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        int start = 0;
        while (start < encoded.length()) {
            int end = encoded.indexOf(',', start);
            end = end < 0 ? encoded.length() : end;
            channels.add(Channel.valueOf(encoded.substring(start, end)));
            start = end + 1;
        }
        return channels;
    }

    private static String[] splitExactly(String text, char separator, int parts) {
        String[] result = new String[parts];
        int start = 0;
        for (int i = 0; i < parts - 1; i++) {
            int end = text.indexOf(separator, start);
            if (end < 0) {
                return null;
            }
            result[i] = text.substring(start, end);
            start = end + 1;
        }
        if (text.indexOf(separator, start) >= 0) {
            return null;
        }
        result[parts - 1] = text.substring(start);
        return result;
    }

    private static String text(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String untext(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
