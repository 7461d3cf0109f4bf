package dev.alicia.router.domain;

/**
 * How much each factor of the predicted fit weighs; from configuration. A factor's contribution is its weight
 * times a value in [0, 1] (occupancy counts against).
 *
 * @param opportunity how much of an agent's general edge (how much better than an average agent the learner expects
 *     them to be at everything) is taken off their estimate for this contact: 0 ranks by the estimate alone; 1 by
 *     the agent's advantage on this kind of contact over their own general level. Between the two, an all-round
 *     strong agent is kept for the contacts where they make the most difference, rather than given whatever comes
 *     first, which the next contact that only they would resolve then waits for.
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
        double scarcity,
        double opportunity) {

    public static final ScoringWeights DEFAULTS =
            new ScoringWeights(1.0, 0.2, 0.2, 1.0, 0.6, 0.2, 0.3, 1.0, 600_000, 1.0, 0.5);

    public ScoringWeights withLearned(double newLearned) {
        return new ScoringWeights(
                skill,
                fluency,
                register,
                emotion,
                affinity,
                idle,
                occupancy,
                newLearned,
                idleSaturationMillis,
                scarcity,
                opportunity);
    }

    /** The idle-time factor's weight, and the idle time past which it adds nothing more. */
    public ScoringWeights withIdle(double newIdle, long newIdleSaturationMillis) {
        return new ScoringWeights(
                skill,
                fluency,
                register,
                emotion,
                affinity,
                newIdle,
                occupancy,
                learned,
                newIdleSaturationMillis,
                scarcity,
                opportunity);
    }

    public ScoringWeights withOpportunity(double newOpportunity) {
        return new ScoringWeights(
                skill,
                fluency,
                register,
                emotion,
                affinity,
                idle,
                occupancy,
                learned,
                idleSaturationMillis,
                scarcity,
                newOpportunity);
    }
}
