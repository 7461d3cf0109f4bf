package dev.alicia.router.domain.learning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The A/B report: per arm, first-contact resolution, satisfaction and average speed of answer with 95% confidence
 * intervals (Wilson for a rate, normal for a mean), and the relative uplift of predictive over the baseline.
 */
public final class ArmComparison {

    private static final double Z95 = 1.959964;

    private ArmComparison() {}

    /** What was counted for one arm. Standard deviations are of the sample (0 with fewer than two values). */
    public record Counts(
            String arm,
            long contacts,
            long resolved,
            long rated,
            double satisfactionMean,
            double satisfactionSd,
            long answered,
            double waitMillisMean,
            double waitMillisSd) {}

    /** An estimate with its 95% interval; a part that cannot be known yet (nothing counted, one value) is null. */
    public record Interval(Double estimate, Double low, Double high) {

        static final Interval NONE = new Interval(null, null, null);

        static Interval of(double estimate, double low, double high) {
            return new Interval(finite(estimate), finite(low), finite(high));
        }

        private static Double finite(double value) {
            return Double.isFinite(value) ? value : null;
        }
    }

    public record ArmFigures(
            String arm, long contacts, Interval resolution, Interval satisfaction, Interval speedOfAnswerSeconds) {}

    /**
     * The relative uplift of predictive's resolution over the baseline's, with an interval from the two rates'
     * intervals (conservative: their extremes).
     */
    public record Report(List<ArmFigures> arms, Optional<Interval> resolutionUplift) {}

    public static Report compare(List<Counts> counted) {
        List<ArmFigures> arms = counted.stream()
                .map(c -> new ArmFigures(
                        c.arm(),
                        c.contacts(),
                        wilson(c.resolved(), c.contacts()),
                        mean(c.satisfactionMean(), c.satisfactionSd(), c.rated()),
                        scaled(mean(c.waitMillisMean(), c.waitMillisSd(), c.answered()), 1 / 1000.0)))
                .toList();
        Map<String, ArmFigures> byArm =
                arms.stream().collect(java.util.stream.Collectors.toMap(ArmFigures::arm, a -> a, (a, b) -> a));
        ArmFigures predictive = byArm.get(Arm.PREDICTIVE.name());
        ArmFigures baseline = byArm.get(Arm.BASELINE.name());
        Optional<Interval> uplift = Optional.empty();
        if (predictive != null
                && baseline != null
                && predictive.contacts() > 0
                && baseline.contacts() > 0
                && baseline.resolution().estimate() > 0
                && baseline.resolution().high() > 0) {
            Interval p = predictive.resolution();
            Interval b = baseline.resolution();
            uplift = Optional.of(Interval.of(
                    p.estimate() / b.estimate() - 1,
                    p.low() / b.high() - 1,
                    b.low() > 0 ? p.high() / b.low() - 1 : Double.POSITIVE_INFINITY));
        }
        return new Report(arms, uplift);
    }

    /** Wilson score interval of a proportion: honest with few contacts or rates near 0 or 1. */
    public static Interval wilson(long successes, long n) {
        if (n <= 0) {
            return Interval.NONE;
        }
        double p = successes / (double) n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return Interval.of(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** A mean with its normal 95% interval. */
    public static Interval mean(double mean, double sd, long n) {
        if (n <= 0) {
            return Interval.NONE;
        }
        double half = n < 2 ? Double.NaN : Z95 * sd / Math.sqrt(n);
        return Interval.of(mean, mean - half, mean + half);
    }

    private static Interval scaled(Interval interval, double factor) {
        return new Interval(
                times(interval.estimate(), factor), times(interval.low(), factor), times(interval.high(), factor));
    }

    private static Double times(Double value, double factor) {
        return value == null ? null : value * factor;
    }
}
