package dev.alicia.context.client.model;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a customer's story as context-service keeps it: what the channel reported, the customer it was
 * resolved to, the feeling read from the customer's words when the channel did not give one, and the agent
 * involved (who ended the contact, with which outcome).
 */
public record StoryEvent(
        String eventId,
        String customerId,
        String contactId,
        Channel channel,
        ConversationEventType type,
        Instant occurredAt,
        String language,
        String text,
        String intent,
        Double confidence,
        Map<String, String> entities,
        Emotion emotion,
        Double emotionIntensity,
        Register register,
        String outcome,
        String agentId) {

    public StoryEvent {
        entities = entities == null ? Map.of() : Map.copyOf(entities);
    }

    /** Whether the text is the customer's own words (not the bot's, not a note about a step). */
    public boolean customerWords() {
        return customerWords(type, text);
    }

    /** Whether an event of this type with this text carries the customer's own words. */
    public static boolean customerWords(ConversationEventType type, String text) {
        return text != null
                && (type == ConversationEventType.CUSTOMER_MESSAGE || type == ConversationEventType.INTENT_DETECTED);
    }
}
