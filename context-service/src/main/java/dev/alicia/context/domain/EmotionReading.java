package dev.alicia.context.domain;

import dev.alicia.context.client.model.Emotion;
import dev.alicia.context.client.model.Register;

/**
 * What a message says of the customer's feeling: the emotion, how strong (0 to 1), how they write, and the language
 * it was read in (the hint, or French/English guessed from the words).
 */
public record EmotionReading(Emotion emotion, double intensity, Register register, String language) {

    public static final EmotionReading NEUTRAL = new EmotionReading(Emotion.NEUTRAL, 0, null, null);
}
