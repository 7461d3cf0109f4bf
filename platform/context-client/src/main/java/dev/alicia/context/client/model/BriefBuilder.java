package dev.alicia.context.client.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a customer's profile and story into the handoff brief, including the empathy cues the seeds ask for:
 * acknowledge the wait, never ask again for what the bot captured, say you have the details after a transfer,
 * speak their language in their register, meet a distressed customer's feeling before the procedure.
 */
public final class BriefBuilder {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final Duration LONG_WAIT = Duration.ofMinutes(2);

    /** What the profile says of the customer, when there is one. */
    public record Profile(String displayName, String preferredLanguage, Register register) {}

    public HandoffBrief build(
            String customerId, String contactId, Profile profile, List<StoryEvent> story, Instant now) {
        List<StoryEvent> thisContact =
                story.stream().filter(e -> contactId.equals(e.contactId())).toList();
        Map<String, String> entities = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        List<HandoffBrief.EmotionPoint> emotions = new ArrayList<>();
        String intent = null;
        Double confidence = null;
        String language = profile == null ? null : profile.preferredLanguage();
        Register register = profile == null ? null : profile.register();
        for (StoryEvent event : story) {
            entities.putAll(event.entities());
            if (event.intent() != null) {
                intent = event.intent();
                confidence = event.confidence();
            }
            if (event.type() == ConversationEventType.STEP_TRIED && event.text() != null) {
                tried.add(event.text());
            }
            if (event.emotion() != null && event.customerWords()) {
                emotions.add(new HandoffBrief.EmotionPoint(
                        event.occurredAt(),
                        event.emotion(),
                        event.emotionIntensity() == null ? 0 : event.emotionIntensity()));
            }
            if (language == null && event.language() != null) {
                language = event.language();
            }
            if (register == null && event.register() != null) {
                register = event.register();
            }
            lines.add(line(event));
        }
        Instant started = thisContact.stream()
                .map(StoryEvent::occurredAt)
                .min(Instant::compareTo)
                .orElse(now);
        long waited = Math.max(0, Duration.between(started, now).toSeconds());
        int transfers = (int) thisContact.stream()
                .filter(e -> e.type() == ConversationEventType.TRANSFERRED)
                .count();
        List<HandoffBrief.PastContact> past = pastContacts(story, contactId);
        String name = profile == null ? null : profile.displayName();
        String addressAs = addressAs(name, register, language);
        List<String> cues =
                cues(name, addressAs, language, register, entities, tried, emotions, waited, transfers, past);
        return new HandoffBrief(
                customerId,
                contactId,
                name,
                addressAs,
                language,
                register,
                intent,
                confidence,
                Map.copyOf(entities),
                List.copyOf(lines),
                List.copyOf(tried),
                List.copyOf(emotions),
                waited,
                transfers,
                past,
                cues,
                now);
    }

    private static String line(StoryEvent event) {
        String when = TIME.format(event.occurredAt()) + " " + event.channel();
        return switch (event.type()) {
            case CONTACT_STARTED -> when + ": contact started";
            case CUSTOMER_MESSAGE -> when + ": customer said \"" + event.text() + "\"";
            case BOT_MESSAGE -> when + ": bot said \"" + event.text() + "\"";
            case INTENT_DETECTED ->
                when + ": understood as " + event.intent()
                        + (event.confidence() == null ? "" : " (" + Math.round(event.confidence() * 100) + "%)")
                        + (event.text() == null ? "" : " from \"" + event.text() + "\"");
            case ENTITY_CAPTURED -> when + ": captured " + event.entities().keySet();
            case STEP_TRIED -> when + ": already tried: " + event.text();
            case AUTHENTICATED -> when + ": customer authenticated";
            case CHANNEL_SWITCHED ->
                when + ": switched channel" + (event.text() == null ? "" : " (" + event.text() + ")");
            case TRANSFERRED -> when + ": transferred" + (event.text() == null ? "" : ": " + event.text());
            case CONTACT_ENDED ->
                when + ": contact ended" + (event.outcome() == null ? "" : " (" + event.outcome() + ")");
        };
    }

    private static List<HandoffBrief.PastContact> pastContacts(List<StoryEvent> story, String contactId) {
        Map<String, HandoffBrief.PastContact> past = new LinkedHashMap<>();
        for (StoryEvent event : story) {
            if (event.contactId() == null || event.contactId().equals(contactId)) {
                continue;
            }
            HandoffBrief.PastContact known = past.get(event.contactId());
            String outcome = event.outcome() != null ? event.outcome() : known == null ? null : known.outcome();
            Instant started = known == null ? event.occurredAt() : known.startedAt();
            Channel channel = known == null ? event.channel() : known.channel();
            past.put(event.contactId(), new HandoffBrief.PastContact(event.contactId(), channel, started, outcome));
        }
        return List.copyOf(past.values());
    }

    private static String addressAs(String name, Register register, String language) {
        if (name == null) {
            return null;
        }
        String first = name.split(" ")[0];
        String last = name.contains(" ") ? name.substring(name.indexOf(' ') + 1) : name;
        if (register == Register.INFORMAL) {
            return first;
        }
        return "fr".equals(language) ? "Madame/Monsieur " + last : "Ms/Mr " + last;
    }

    private static List<String> cues(
            String name,
            String addressAs,
            String language,
            Register register,
            Map<String, String> entities,
            List<String> tried,
            List<HandoffBrief.EmotionPoint> emotions,
            long waited,
            int transfers,
            List<HandoffBrief.PastContact> past) {
        List<String> cues = new ArrayList<>();
        if (!emotions.isEmpty()) {
            HandoffBrief.EmotionPoint last = emotions.get(emotions.size() - 1);
            switch (last.emotion()) {
                case FEAR ->
                    cues.add(
                            "They sound worried: reassure them first (what is already protected, what happens next), then the procedure.");
                case ANGER ->
                    cues.add("They are angry: let them finish, acknowledge it plainly, and say what you will do now.");
                case SHAME -> cues.add("They feel embarrassed: put them at ease, it happens to many customers.");
                case DISSATISFACTION ->
                    cues.add("They are unhappy with us: recognise what went wrong before solving it.");
                default -> {
                    // neutral or positive: nothing to add
                }
            }
        }
        if (waited >= LONG_WAIT.toSeconds()) {
            cues.add(
                    "They waited " + (waited / 60) + " min: thank them for their patience and apologise for the wait.");
        }
        if (transfers > 0) {
            cues.add("They were transferred " + transfers
                    + " time(s): say you have their details and will see it through.");
        }
        if (!entities.isEmpty()) {
            cues.add("Do not ask again for: " + String.join(", ", entities.keySet()) + " (already captured).");
        }
        if (!tried.isEmpty()) {
            cues.add("Already tried: " + String.join("; ", tried) + " — do not suggest it again.");
        }
        if (language != null) {
            String how = register == Register.FORMAL
                    ? ("fr".equals(language) ? " and say vous" : ", formally")
                    : register == Register.INFORMAL ? ("fr".equals(language) ? " and say tu" : ", informally") : "";
            cues.add("Answer in " + language + how + (addressAs == null ? "" : "; address them as " + addressAs) + ".");
        } else if (name != null) {
            cues.add("Use their name: " + Objects.requireNonNullElse(addressAs, name) + ".");
        }
        past.stream()
                .filter(p -> p.outcome() != null && !p.outcome().startsWith("RESOLVED"))
                .reduce((a, b) -> b)
                .ifPresent(p -> cues.add("Their last contact (" + p.channel() + ") ended " + p.outcome()
                        + ": they may be calling back about it."));
        return List.copyOf(cues);
    }
}
