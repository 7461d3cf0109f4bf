package dev.alicia.sim;

/**
 * The Erlang C model of one queue: Poisson arrivals, exponential handle times, {@code agents} identical agents,
 * first come first served, nobody abandons. What the simulator must reproduce in that case.
 *
 * @param agents number of agents
 * @param arrivalRate contacts per second
 * @param meanHandleSeconds mean handle time
 */
public record ErlangC(int agents, double arrivalRate, double meanHandleSeconds) {

    public ErlangC {
        if (agents < 1 || arrivalRate <= 0 || meanHandleSeconds <= 0) {
            throw new IllegalArgumentException("agents, arrival rate and handle time must be positive");
        }
        if (arrivalRate * meanHandleSeconds >= agents) {
            throw new IllegalArgumentException("offered load must be below the number of agents");
        }
    }

    /** The queue at occupancy {@code rho}: the arrival rate that loads {@code agents} agents that much. */
    public static ErlangC atOccupancy(int agents, double rho, double meanHandleSeconds) {
        return new ErlangC(agents, rho * agents / meanHandleSeconds, meanHandleSeconds);
    }

    /** Offered traffic in erlangs. */
    public double erlangs() {
        return arrivalRate * meanHandleSeconds;
    }

    public double occupancy() {
        return erlangs() / agents;
    }

    /**
     * The probability that a contact waits. From Erlang B by its recursion (B(0) = 1, B(n) = A B(n-1) / (n + A
     * B(n-1))), which stays stable where the textbook sums of A^n / n! overflow.
     */
    public double waitProbability() {
        double a = erlangs();
        double b = 1;
        for (int n = 1; n <= agents; n++) {
            b = a * b / (n + a * b);
        }
        return agents * b / (agents - a * (1 - b));
    }

    /** Average speed of answer, seconds, over all contacts (those answered at once count as zero). */
    public double averageSpeedOfAnswer() {
        return waitProbability() * meanHandleSeconds / (agents - erlangs());
    }

    /** Share of contacts answered within {@code seconds}. */
    public double serviceLevel(double seconds) {
        return 1 - waitProbability() * Math.exp(-(agents - erlangs()) * seconds / meanHandleSeconds);
    }
}
