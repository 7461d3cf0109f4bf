package dev.alicia.router.domain;

import java.util.List;

/**
 * Which waiting contact an agent takes when they free up while contacts wait (more contacts than agents). Strict
 * queue order gives them the first contact they may take, whoever they are; but when several wait, the next agent
 * to free up takes what is left, so the floor resolves more when each agent takes the contact they are expected to
 * do best with compared with an average agent (their advantage). Predictive routing's choice in the other
 * direction, as Genesys' predictive routing does in a contact surplus.
 *
 * <p>Bounded so that nobody is starved and the queue's order otherwise holds: only contacts of the first one's
 * priority whose place in the queue (its rank, see {@link QueueOrder}) is within {@code windowMillis} of the first
 * one's are weighed, the first one is taken as soon as it has waited {@code windowMillis} (set it to the
 * service-level threshold and no contact is kept past it by this choice), and a contact nothing is known of (NaN:
 * a held-out contact, another queue's, one aimed at this agent) ends what is weighed, keeping its turn. At most
 * {@code maxContacts} are weighed.
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
     *     is known or it must keep its turn
     */
    public record Option(int priority, double rank, long waitedMillis, double advantage) {}

    /** Whether anything may be weighed against {@code first}: the choice is on and it has not waited the window. */
    public boolean weighs(Option first) {
        return enabled() && !Double.isNaN(first.advantage()) && first.waitedMillis() < windowMillis;
    }

    /**
     * Whether {@code next}, the {@code weighed}-th contact the agent may take after {@code first} (in queue order),
     * is weighed against it; when not, later ones are not either, so a caller reading the queue may stop there.
     */
    public boolean weighs(Option first, Option next, int weighed) {
        return weighs(first)
                && weighed < maxContacts
                && !Double.isNaN(next.advantage())
                && next.priority() == first.priority()
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
        int best = 0;
        double bestAdvantage = first.advantage();
        for (int i = 1; i < options.size(); i++) {
            Option option = options.get(i);
            if (!weighs(first, option, i)) {
                break;
            }
            if (option.advantage() > bestAdvantage + MIN_GAIN) {
                best = i;
                bestAdvantage = option.advantage();
            }
        }
        return best;
    }
}
