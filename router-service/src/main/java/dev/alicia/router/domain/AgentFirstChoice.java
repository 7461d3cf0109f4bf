package dev.alicia.router.domain;

import java.util.List;

/**
 * Which waiting contact an agent takes when they free up while contacts wait (more contacts than agents). Strict
 * queue order gives them the first contact they may take, whoever they are; but when several wait, the next agent
 * to free up takes what is left, so the floor resolves more when each agent takes the contact they are expected to
 * do best with compared with an average agent (their advantage). Predictive routing's choice in the other
 * direction, as Genesys' predictive routing does in a contact surplus.
 *
 * <p>Bounded so that nobody is starved and priorities hold: only contacts whose place in the queue (its rank, see
 * {@link QueueOrder}) is within {@code windowMillis} of the first one's are considered, and the first one is taken
 * as soon as it has waited {@code windowMillis} (set it to the service-level threshold and no contact is kept past
 * it by this choice). A priority point is worth more waiting than the window, so a calmer contact never goes ahead
 * of an urgent one. At most {@code maxContacts} are weighed.
 */
public record AgentFirstChoice(long windowMillis, int maxContacts) {

    /**
     * How much more a later contact must be expected to gain to be taken before the first: estimates that differ by
     * rounding alone (no outcome known yet for either kind) leave the queue's order as it is.
     */
    static final double MIN_GAIN = 1e-9;

    /** Strict queue order. */
    public static final AgentFirstChoice OFF = new AgentFirstChoice(0, 1);

    public AgentFirstChoice {
        if (windowMillis < 0 || maxContacts < 1) {
            throw new IllegalArgumentException("windowMillis must be >= 0 and maxContacts >= 1");
        }
    }

    public boolean enabled() {
        return windowMillis > 0 && maxContacts > 1;
    }

    /**
     * A waiting contact the agent may take.
     *
     * @param rank its place in the queue (lower is served first)
     * @param advantage how much better than an average agent this agent is expected to do with it; NaN when nothing
     *     is known (a baseline strategy, no learner): such a contact is only taken in its turn
     */
    public record Option(double rank, long waitedMillis, double advantage) {}

    /**
     * Whether {@code next}, the {@code weighed}-th contact the agent may take after {@code first} (in queue order),
     * is weighed against it: later ones are not either, so a caller reading the queue may stop there.
     */
    public boolean weighs(Option first, Option next, int weighed) {
        return enabled()
                && weighed < maxContacts
                && first.waitedMillis() < windowMillis
                && next.rank() <= first.rank() + windowMillis;
    }

    /**
     * The index of the contact to take among {@code options} (those the agent may take, in queue order): the first
     * unless choosing is on, it has not waited the window yet, and another within the window is expected to gain
     * more; -1 when there are none.
     */
    public int choose(List<Option> options) {
        if (options.isEmpty()) {
            return -1;
        }
        Option first = options.get(0);
        if (Double.isNaN(first.advantage())) {
            // Nothing known of what the agent would do with it (e.g. the held-out arm): its turn is kept.
            return 0;
        }
        int best = 0;
        double bestAdvantage = first.advantage();
        for (int i = 1; i < options.size(); i++) {
            Option option = options.get(i);
            if (!weighs(first, option, i)) {
                break;
            }
            double advantage = option.advantage();
            if (!Double.isNaN(advantage) && advantage > bestAdvantage + MIN_GAIN) {
                best = i;
                bestAdvantage = advantage;
            }
        }
        return best;
    }
}
