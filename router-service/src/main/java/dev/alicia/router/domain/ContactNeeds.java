package dev.alicia.router.domain;

import java.util.Map;

import dev.alicia.context.client.model.Emotion;

/**
 * What the contact needs from an agent, from the customer's context and the queue's rule: the language (hard),
 * the register they write in, what they called about and the skills the queue requires (skill → minimum level),
 * how they feel, and who helped them before.
 */
public record ContactNeeds(
        String language,
        String register,
        String intent,
        Map<String, Integer> requiredSkills,
        Emotion emotion,
        double emotionIntensity,
        String lastResolvedBy,
        String lastAgent) {

    public ContactNeeds {
        requiredSkills = requiredSkills == null ? Map.of() : Map.copyOf(requiredSkills);
        emotion = emotion == null ? Emotion.NEUTRAL : emotion;
    }

    public static ContactNeeds of(String language, String intent) {
        return new ContactNeeds(language, null, intent, Map.of(), Emotion.NEUTRAL, 0, null, null);
    }

    /** A customer an agent must meet with empathy first: angry, afraid, ashamed, or clearly dissatisfied. */
    public boolean distressed() {
        return emotion.distressed() || (emotion == Emotion.DISSATISFACTION && emotionIntensity >= 0.6);
    }

    public ContactNeeds withRequiredSkills(Map<String, Integer> skills) {
        return new ContactNeeds(
                language, register, intent, skills, emotion, emotionIntensity, lastResolvedBy, lastAgent);
    }
}
