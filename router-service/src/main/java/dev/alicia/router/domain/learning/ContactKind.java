package dev.alicia.router.domain.learning;

import java.util.Locale;

import dev.alicia.router.domain.ContactNeeds;

/**
 * What kind of contact an outcome is about: what the customer called about, on which channel, in which
 * language, how they felt, and their tier. Unknown parts are {@code "-"}, so a kind always makes valid keys.
 */
public record ContactKind(String intent, String channel, String language, EmotionBand emotionBand, String tier) {

    public ContactKind {
        intent = part(intent);
        channel = part(channel);
        language = part(language);
        emotionBand = emotionBand == null ? EmotionBand.CALM : emotionBand;
        tier = part(tier);
    }

    public static ContactKind of(ContactNeeds needs, String channel, String tier) {
        return new ContactKind(needs.intent(), channel, needs.language(), EmotionBand.of(needs), tier);
    }

    // Keys are joined with ':', so a part may not contain one.
    private static String part(String value) {
        return value == null || value.isBlank()
                ? "-"
                : value.toLowerCase(Locale.ROOT).replace(':', '_');
    }
}
