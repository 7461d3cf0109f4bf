package dev.alicia.router.domain.learning;

import dev.alicia.context.client.model.Emotion;
import dev.alicia.router.domain.ContactNeeds;

/**
 * How the customer feels, coarsely enough that an agent's record with each band fills up: calm, upset
 * (dissatisfied but not distressed), distressed (angry, afraid, ashamed, or strongly dissatisfied).
 */
public enum EmotionBand {
    CALM,
    UPSET,
    DISTRESSED;

    public static EmotionBand of(ContactNeeds needs) {
        if (needs.distressed()) {
            return DISTRESSED;
        }
        return needs.emotion() == Emotion.DISSATISFACTION ? UPSET : CALM;
    }
}
