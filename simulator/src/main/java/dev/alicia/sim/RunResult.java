package dev.alicia.sim;

import java.util.List;

import dev.alicia.router.domain.learning.Arm;

/**
 * What one run measured, by block of arrivals (in arrival order) and by holdout arm, so that any window of the
 * run (after the learning period, one arm) can be summed up alike.
 *
 * @param occupancy per agent: handle plus wrap-up time over the run's duration
 * @param contactsPerSecond simulated arrivals per second of wall-clock time
 */
public record RunResult(
        String policy,
        long seed,
        List<Cell[]> blocks,
        double[] occupancy,
        int decisions,
        double simulatedSeconds,
        double contactsPerSecond) {

    /** Counters of one block of arrivals on one arm. */
    public static final class Cell {
        int arrivals;
        int answered;
        int abandoned;
        int abandonedAfterTransfer;
        int withinThreshold;
        int firstContactResolved;
        int resolved;
        int transfers;
        int satisfactionCount;
        double waitSeconds;
        double satisfaction;
    }

    /** The usual contact-center figures over some blocks and arms. */
    public record Metrics(
            int arrivals,
            int answered,
            double firstContactResolution,
            double resolution,
            double satisfaction,
            double averageSpeedOfAnswer,
            double serviceLevel,
            double abandonment,
            double transfers) {}

    public Metrics all() {
        return window(0, blocks.size(), null);
    }

    /** Blocks {@code from} (inclusive) to {@code to} (exclusive), one arm or both ({@code null}). */
    public Metrics window(int from, int to, Arm arm) {
        int arrivals = 0;
        int answered = 0;
        int abandoned = 0;
        int within = 0;
        int fcr = 0;
        int resolved = 0;
        int transfers = 0;
        int rated = 0;
        double wait = 0;
        double satisfaction = 0;
        for (int b = from; b < to; b++) {
            for (Arm a : Arm.values()) {
                if (arm != null && a != arm) {
                    continue;
                }
                Cell c = blocks.get(b)[a.ordinal()];
                arrivals += c.arrivals;
                answered += c.answered;
                abandoned += c.abandoned;
                within += c.withinThreshold;
                fcr += c.firstContactResolved;
                resolved += c.resolved;
                transfers += c.transfers;
                rated += c.satisfactionCount;
                wait += c.waitSeconds;
                satisfaction += c.satisfaction;
            }
        }
        return new Metrics(
                arrivals,
                answered,
                ratio(fcr, answered),
                ratio(resolved, answered),
                ratio(satisfaction, rated),
                ratio(wait, answered),
                ratio(within, answered),
                ratio(abandoned, arrivals),
                ratio(transfers, answered));
    }

    public double meanOccupancy() {
        double sum = 0;
        for (double o : occupancy) {
            sum += o;
        }
        return sum / occupancy.length;
    }

    /** The standard deviation of agent occupancy: how unevenly the work is spread. */
    public double occupancySpread() {
        double mean = meanOccupancy();
        double sum = 0;
        for (double o : occupancy) {
            sum += (o - mean) * (o - mean);
        }
        return Math.sqrt(sum / occupancy.length);
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? Double.NaN : part / whole;
    }
}
