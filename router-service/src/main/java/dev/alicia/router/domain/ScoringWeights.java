package dev.alicia.router.domain;

/**
 * How much each factor of the predicted fit weighs; from configuration. A factor's contribution is its weight
 * times a value in [0, 1] (occupancy counts against).
 */
public record ScoringWeights(
        double skill,
        double fluency,
        double register,
        double emotion,
        double affinity,
        double idle,
        double occupancy,
        double learned,
        long idleSaturationMillis,
        double scarcity) {

    public static final ScoringWeights DEFAULTS =
            new ScoringWeights(1.0, 0.2, 0.2, 1.0, 0.6, 0.2, 0.3, 1.0, 600_000, 1.0);
}
