package dev.alicia.context.domain;

import java.util.ArrayList;
import java.util.EnumMap;
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
    private static final Map<String, String[]> CUE_WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    public EmotionReading read(String text, String languageHint) {
        if (text == null || text.isBlank()) {
            return EmotionReading.NEUTRAL;
        }
        String[] words = Lexicon.normalize(text).split(" ");
        String language = "fr".equals(languageHint) || "en".equals(languageHint) ? languageHint : guessLanguage(words);
        Map<Emotion, Double> scores = new EnumMap<>(Emotion.class);
        Lexicon.CUES.get(language).forEach((emotion, cues) -> {
            for (String cue : cues) {
                int length = words(cue).length;
                for (int at : matches(words, cue)) {
                    int first = at - length + 1;
                    double weight = intensified(words, first, language) ? 1.5 : 1.0;
                    if (negated(words, first, language)) {
                        if (emotion == Emotion.POSITIVE) {
                            scores.merge(Emotion.DISSATISFACTION, weight, Double::sum);
                        }
                    } else {
                        scores.merge(emotion, weight, Double::sum);
                    }
                }
            }
        });
        Register register = register(words, language);
        Emotion strongest = strongest(scores);
        if (strongest == Emotion.NEUTRAL) {
            return new EmotionReading(Emotion.NEUTRAL, 0, register, language);
        }
        double intensity = 0.4 + 0.2 * (scores.get(strongest) - 1) + 0.1 * shouting(text);
        return new EmotionReading(strongest, Math.min(1.0, Math.round(intensity * 100) / 100.0), register, language);
    }

    /** The language a message is written in, between French and English, by its most common words. */
    public String guessLanguage(String text) {
        return guessLanguage(Lexicon.normalize(text).split(" "));
    }

    private static String guessLanguage(String[] words) {
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
        return french > english ? "fr" : "en";
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

    /** Positions of the cue's last word wherever the cue occurs; {@code *} at the end of a word matches any ending. */
    static List<Integer> matches(String[] words, String cue) {
        String[] parts = words(cue);
        List<Integer> found = new ArrayList<>();
        for (int start = 0; start + parts.length <= words.length; start++) {
            boolean all = true;
            for (int i = 0; i < parts.length && all; i++) {
                all = wordMatches(words[start + i], parts[i]);
            }
            if (all) {
                found.add(start + parts.length - 1);
            }
        }
        return found;
    }

    /** A cue's words, split once: the lexicon is fixed, and every message is checked against all of it. */
    private static String[] words(String cue) {
        return CUE_WORDS.computeIfAbsent(cue, c -> c.split(" "));
    }

    private static boolean wordMatches(String word, String pattern) {
        return pattern.endsWith("*")
                ? word.startsWith(pattern.substring(0, pattern.length() - 1))
                : word.equals(pattern);
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
        int marks = (int) text.chars().filter(c -> c == '!').count();
        int capitals = 0;
        for (String word : text.split("\\s+")) {
            if (word.length() >= 3
                    && word.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))
                    && word.chars().anyMatch(Character::isLetter)) {
                capitals++;
            }
        }
        return Math.min(3, marks + capitals);
    }

    private static Register register(String[] words, String language) {
        int formal = 0;
        int informal = 0;
        for (String cue : Lexicon.REGISTER.get(language).get(Register.FORMAL)) {
            formal += matches(words, cue).size();
        }
        for (String cue : Lexicon.REGISTER.get(language).get(Register.INFORMAL)) {
            informal += matches(words, cue).size();
        }
        if (formal == informal) {
            return null;
        }
        return formal > informal ? Register.FORMAL : Register.INFORMAL;
    }
}
