package dev.alicia.router.domain;

/**
 * Expected wait for the contact at {@code position} (1 = next): the contacts ahead of it, served by the agents
 * who can take them, each contact taking the recent average handle time. Classic ACD estimate: it knows
 * nothing of agents about to become free, so it errs on the long side.
 */
public final class WaitEstimate {

    private WaitEstimate() {}

    public static long millis(int position, int agentsStaffed, long averageHandleMillis) {
        if (position <= 0) {
            return 0;
        }
        int servers = Math.max(1, agentsStaffed);
        return (long) Math.ceil((double) position / servers) * averageHandleMillis;
    }
}
