package dev.alicia.context.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.alicia.context.client.model.Emotion;
import dev.alicia.context.client.model.Register;

/**
 * Reads a customer's feeling and register from their own words, in French or English, with a lexicon and a few
 * rules: negation turns a feeling around ("pas content" is dissatisfied, "not angry" is not anger), intensifiers
 * and shouting (!!, CAPITALS) raise the intensity. Used only when the channel adapter did not supply the emotion.
 */
public final class EmotionDetector {

    /** When two feelings score the same, the one that most needs care wins. */
    private static final List<Emotion> PRIORITY =
            List.of(Emotion.ANGER, Emotion.FEAR, Emotion.SHAME, Emotion.DISSATISFACTION, Emotion.POSITIVE);

    private static final int NEGATION_WINDOW = 3;
    private static final Map<String, CueIndex> INDEX = Map.of("fr", CueIndex.of("fr"), "en", CueIndex.of("en"));

    public EmotionReading read(String text, String languageHint) {
        if (text == null || text.isBlank()) {
            return EmotionReading.NEUTRAL;
        }
        String[] words = Lexicon.normalize(text).split(" ");
        String language =
                "fr".equals(languageHint) || "en".equals(languageHint) ? languageHint : guessLanguage(words, text);
        Map<Emotion, Double> scores = new EnumMap<>(Emotion.class);
        int formal = 0;
        int informal = 0;
        CueIndex index = INDEX.get(language);
        for (int first = 0; first < words.length; first++) {
            for (Cue cue : index.startingWith(words[first])) {
                if (!cue.matchesAt(words, first)) {
                    continue;
                }
                if (cue.register() == Register.FORMAL) {
                    formal++;
                } else if (cue.register() == Register.INFORMAL) {
                    informal++;
                } else {
                    double weight = intensified(words, first, language) ? 1.5 : 1.0;
                    if (negated(words, first, language)) {
                        if (cue.emotion() == Emotion.POSITIVE) {
                            scores.merge(Emotion.DISSATISFACTION, weight, Double::sum);
                        }
                    } else {
                        scores.merge(cue.emotion(), weight, Double::sum);
                    }
                }
            }
        }
        Register register = formal == informal ? null : formal > informal ? Register.FORMAL : Register.INFORMAL;
        Emotion strongest = strongest(scores);
        if (strongest == Emotion.NEUTRAL) {
            return new EmotionReading(Emotion.NEUTRAL, 0, register, language);
        }
        double intensity = 0.4 + 0.2 * (scores.get(strongest) - 1) + 0.1 * shouting(text);
        return new EmotionReading(strongest, Math.min(1.0, Math.round(intensity * 100) / 100.0), register, language);
    }

    /** The language a message is written in, between French and English, by its most common words. */
    public String guessLanguage(String text) {
        return guessLanguage(Lexicon.normalize(text).split(" "), text);
    }

    /** By the common words of each language; on a tie, French accents decide ("volé", "à", "ça"). */
    private static String guessLanguage(String[] words, String text) {
        int french = 0;
        int english = 0;
        for (String word : words) {
            if (Lexicon.STOPWORDS.get("fr").contains(word)) {
                french++;
            }
            if (Lexicon.STOPWORDS.get("en").contains(word)) {
                english++;
            }
        }
        if (french == english) {
            return hasFrenchAccents(text) ? "fr" : "en";
        }
        return french > english ? "fr" : "en";
    }

    private static boolean hasFrenchAccents(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("éèêàâçùûôîëïœÉÈÀÇ".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Emotion strongest(Map<Emotion, Double> scores) {
        Emotion best = Emotion.NEUTRAL;
        double bestScore = 0;
        for (Emotion emotion : PRIORITY) {
            double score = scores.getOrDefault(emotion, 0.0);
            if (score > bestScore) {
                best = emotion;
                bestScore = score;
            }
        }
        return best;
    }

    /** A negation in the few words before the cue's first word. */
    private static boolean negated(String[] words, int first, String language) {
        Set<String> negations = Lexicon.NEGATIONS.get(language);
        for (int i = Math.max(0, first - NEGATION_WINDOW - 1); i < first; i++) {
            if (negations.contains(words[i]) || (language.equals("en") && words[i].endsWith("n't"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean intensified(String[] words, int at, String language) {
        Set<String> intensifiers = Lexicon.INTENSIFIERS.get(language);
        return (at >= 1 && intensifiers.contains(words[at - 1])) || (at >= 2 && intensifiers.contains(words[at - 2]));
    }

    /** Exclamation marks and words in capitals, counted up to 3. */
    private static int shouting(String text) {
        int marks = 0;
        int capitals = 0;
        int letters = 0;
        int length = 0;
        boolean allUpper = true;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isWhitespace(c)) {
                if (length >= 3 && allUpper && letters > 0) {
                    capitals++;
                }
                letters = 0;
                length = 0;
                allUpper = true;
                continue;
            }
            length++;
            if (c == '!') {
                marks++;
            }
            if (Character.isLetter(c)) {
                letters++;
                allUpper &= Character.isUpperCase(c);
            }
        }
        return Math.min(3, marks + capitals);
    }

    /** A lexicon entry: the feeling or the register it signals, and its words ({@code *} ends a prefix). */
    record Cue(Emotion emotion, Register register, String[] parts) {

        boolean matchesAt(String[] words, int first) {
            if (first + parts.length > words.length) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                String word = words[first + i];
                boolean match =
                        part.endsWith("*") ? word.startsWith(part.substring(0, part.length() - 1)) : word.equals(part);
                if (!match) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A language's cues by their first word, built once: a message is looked up word by word instead of being
     * scanned once per cue. Prefix cues ({@code enerv*}) are filed under their first {@link #prefixKey} letters.
     */
    static final class CueIndex {

        private final Map<String, List<Cue>> byWord = new HashMap<>();
        private final Map<String, List<Cue>> byPrefix = new HashMap<>();
        private final int prefixKey;

        CueIndex(List<Cue> cues) {
            int shortest = Integer.MAX_VALUE;
            for (Cue cue : cues) {
                if (cue.parts()[0].endsWith("*")) {
                    shortest = Math.min(shortest, cue.parts()[0].length() - 1);
                }
            }
            prefixKey = shortest == Integer.MAX_VALUE ? 1 : Math.max(1, shortest);
            for (Cue cue : cues) {
                String first = cue.parts()[0];
                if (first.endsWith("*")) {
                    byPrefix.computeIfAbsent(first.substring(0, prefixKey), k -> new ArrayList<>())
                            .add(cue);
                } else {
                    byWord.computeIfAbsent(first, k -> new ArrayList<>()).add(cue);
                }
            }
        }

        List<Cue> startingWith(String word) {
            List<Cue> exact = byWord.getOrDefault(word, List.of());
            List<Cue> prefixed = word.length() < prefixKey
                    ? List.of()
                    : byPrefix.getOrDefault(word.substring(0, prefixKey), List.of());
            if (prefixed.isEmpty()) {
                return exact;
            }
            if (exact.isEmpty()) {
                return prefixed;
            }
            List<Cue> both = new ArrayList<>(exact);
            both.addAll(prefixed);
            return both;
        }

        static CueIndex of(String language) {
            List<Cue> cues = new ArrayList<>();
            Lexicon.CUES
                    .get(language)
                    .forEach((emotion, entries) ->
                            entries.forEach(entry -> cues.add(new Cue(emotion, null, entry.split(" ")))));
            Lexicon.REGISTER
                    .get(language)
                    .forEach((register, entries) ->
                            entries.forEach(entry -> cues.add(new Cue(null, register, entry.split(" ")))));
            return new CueIndex(cues);
        }
    }
}
