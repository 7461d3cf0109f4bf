package dev.alicia.router.domain;

/**
 * Waiting a little for a clearly better agent. A router that gives every contact to the best agent free at that
 * moment leaves the outcome to chance at high occupancy: the agent most likely to resolve it is usually busy. When
 * an agent who may take the contact but is busy now is expected to do at least {@code margin} better (in the
 * learner's 0-1 estimate) than the best free one, the contact waits for an agent that good - whoever frees up
 * first - for at most {@code maxWaitMillis} since it started waiting; then it goes to the best agent free.
 * Meanwhile the free agents serve the contacts behind it.
 */
public record BetterMatchHold(long maxWaitMillis, double margin) {

    /** Never holds: every contact goes to the best agent free now. */
    public static final BetterMatchHold NONE = new BetterMatchHold(0, 1);

    public BetterMatchHold {
        if (maxWaitMillis < 0) {
            throw new IllegalArgumentException("maxWaitMillis must be ≥ 0, was " + maxWaitMillis);
        }
        if (margin <= 0) {
            throw new IllegalArgumentException("margin must be > 0, was " + margin);
        }
    }

    public boolean enabled() {
        return maxWaitMillis > 0;
    }

    /**
     * The estimate an agent must reach to take the contact while it is held, or NaN when it is not worth holding:
     * the best free agent's plus the margin, if a busy agent reaches it.
     *
     * @param bestFree the best estimate among the agents free to take it now (NaN: nobody is free)
     * @param bestBusy the best estimate among the agents who may take it but are busy now (NaN: none)
     */
    public double threshold(double bestFree, double bestBusy) {
        if (!enabled() || Double.isNaN(bestFree) || Double.isNaN(bestBusy) || bestBusy - bestFree < margin) {
            return Double.NaN;
        }
        return bestFree + margin;
    }

    /** Whether a contact held for {@code threshold} (NaN: not held) may go to an agent expected to reach {@code estimate}. */
    public boolean accepts(double threshold, double estimate, long waitedMillis) {
        return Double.isNaN(threshold) || waitedMillis >= maxWaitMillis || estimate >= threshold;
    }

    /** Whether a contact that has waited {@code waitedMillis} may still be held. */
    public boolean mayHold(long waitedMillis) {
        return enabled() && waitedMillis < maxWaitMillis;
    }

    /** When a contact waiting since {@code queuedAt} goes to the best free agent at the latest. */
    public long releaseAt(long queuedAt) {
        return queuedAt + maxWaitMillis;
    }
}
