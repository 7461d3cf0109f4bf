package dev.alicia.context.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the agent who picks up needs, in one object, so nobody asks the customer again: who they are and
 * how to address them, what they want and what the bot already captured, their story in order, what was already
 * tried, how they feel and how that changed, how long they waited and how often they were passed on, their past
 * contacts, and the cues that follow from all that.
 */
public record HandoffBrief(
        String customerId,
        String contactId,
        String displayName,
        String addressAs,
        String language,
        Register register,
        String intent,
        Double intentConfidence,
        Map<String, String> capturedEntities,
        List<String> story,
        List<String> alreadyTried,
        List<EmotionPoint> emotionTrajectory,
        long waitedSeconds,
        int transfers,
        List<PastContact> pastContacts,
        List<String> empathyCues,
        Instant generatedAt) {

    /** How the customer felt at a moment of the story. */
    public record EmotionPoint(Instant at, Emotion emotion, double intensity) {}

    /** An earlier contact of the customer and how it ended. */
    public record PastContact(String contactId, Channel channel, Instant startedAt, String outcome) {}
}
