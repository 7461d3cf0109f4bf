package dev.alicia.sim;

import java.util.Locale;

/** The mean of a figure over seeds and its 95% confidence interval (Student's t, the seeds as the sample). */
public record Summary(double mean, double halfWidth, int n) {

    // Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom.
    private static final double[] T = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
    };

    public static Summary of(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new Summary(mean, Double.NaN, n);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        return new Summary(mean, t(n - 1) * sd / Math.sqrt(n), n);
    }

    static double t(int degreesOfFreedom) {
        return degreesOfFreedom <= T.length ? T[degreesOfFreedom - 1] : 1.96;
    }

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }

    /** E.g. "71.2% ± 0.4" with {@code scale} 100 and unit "%". */
    public String format(double scale, int decimals, String unit) {
        String pattern = "%." + decimals + "f";
        return String.format(Locale.ROOT, pattern, mean * scale) + unit + " ± "
                + String.format(Locale.ROOT, pattern, halfWidth * scale);
    }

    /** E.g. "+12.3% [10.1, 14.5]". */
    public String formatInterval(double scale, int decimals, String unit) {
        String pattern = "%+." + decimals + "f";
        return String.format(Locale.ROOT, pattern, mean * scale) + unit + " ["
                + String.format(Locale.ROOT, pattern, low() * scale) + ", "
                + String.format(Locale.ROOT, pattern, high() * scale) + "]";
    }
}
