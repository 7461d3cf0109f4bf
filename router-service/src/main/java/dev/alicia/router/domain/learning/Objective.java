package dev.alicia.router.domain.learning;

import java.util.Locale;
import java.util.Set;

/**
 * What the learner optimises: the customer's outcome. Resolution and satisfaction count by their weights; handle
 * time is a cost only for the intents listed, and never for a distressed customer, who is not to be rushed.
 *
 * @param resolution weight of the probability of resolving the contact
 * @param satisfaction weight of the expected satisfaction (survey scaled to 0-1)
 * @param handleTime weight of the agent's handle time relative to the intent's average (0: not a cost)
 * @param handleTimeIntents the intents where handle time counts
 */
public record Objective(double resolution, double satisfaction, double handleTime, Set<String> handleTimeIntents) {

    public static final Objective DEFAULTS = new Objective(0.7, 0.3, 0, Set.of());

    public Objective {
        if (resolution < 0 || satisfaction < 0 || handleTime < 0 || resolution + satisfaction <= 0) {
            throw new IllegalArgumentException("weights must be non-negative, resolution + satisfaction positive");
        }
        handleTimeIntents = handleTimeIntents == null
                ? Set.of()
                : handleTimeIntents.stream()
                        .map(i -> i.toLowerCase(Locale.ROOT))
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether this kind of contact pays for a slow agent. */
    public boolean countsHandleTime(ContactKind kind) {
        return handleTime > 0
                && kind.emotionBand() != EmotionBand.DISTRESSED
                && handleTimeIntents.contains(kind.intent());
    }

    /**
     * The value of an agent for one contact, 0-1.
     *
     * @param handleCost the agent's handle time over the intent's average, minus one (0 for an average agent)
     */
    public double value(double resolutionProbability, double expectedSatisfaction, double handleCost) {
        double value =
                (resolution * resolutionProbability + satisfaction * expectedSatisfaction - handleTime * handleCost)
                        / (resolution + satisfaction);
        return Math.max(0, Math.min(1, value));
    }
}
