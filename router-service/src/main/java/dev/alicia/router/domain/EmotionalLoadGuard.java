package dev.alicia.router.domain;

/**
 * Keeps the best empathisers from burning out: after {@code maxInARow} distressed contacts in a row an agent
 * gets no distressed contact for {@code coolDownMillis}; a calm contact in between resets the run.
 */
public record EmotionalLoadGuard(int maxInARow, long coolDownMillis) {

    public EmotionalLoadGuard {
        if (maxInARow < 1) {
            throw new IllegalArgumentException("maxInARow must be at least 1");
        }
    }

    public boolean allows(DistressStreak streak, boolean distressed, long now) {
        return !distressed || !streak.coolingDown(now);
    }

    /** The agent's run after they take a contact. */
    public DistressStreak after(DistressStreak streak, boolean distressed, long now) {
        if (!distressed) {
            return DistressStreak.NONE;
        }
        // A finished cool-down starts a new run.
        int inARow = (streak.coolDownUntil() > 0 ? 0 : streak.inARow()) + 1;
        return inARow >= maxInARow ? new DistressStreak(0, now + coolDownMillis) : new DistressStreak(inARow, 0);
    }
}
