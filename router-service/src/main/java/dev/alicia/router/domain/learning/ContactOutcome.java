package dev.alicia.router.domain.learning;

/**
 * How one handled contact ended for the agent who handled it.
 *
 * @param resolved resolved by this agent (not transferred, no repeat contact)
 * @param satisfaction the customer's survey score 1-5, or {@code null} when they did not answer
 * @param handleSeconds talk (or chat) time plus wrap-up
 */
public record ContactOutcome(boolean resolved, Double satisfaction, double handleSeconds) {

    public ContactOutcome {
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new IllegalArgumentException("satisfaction is a 1-5 score");
        }
        if (handleSeconds < 0) {
            throw new IllegalArgumentException("handle time cannot be negative");
        }
    }

    /** The survey score on the learner's 0-1 scale. */
    double satisfactionShare() {
        return satisfaction == null ? 0 : (satisfaction - 1) / 4;
    }
}
