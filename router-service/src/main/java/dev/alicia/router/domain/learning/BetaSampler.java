package dev.alicia.router.domain.learning;

import java.util.random.RandomGenerator;

/** Draws from Beta(a, b) as X / (X + Y) with gamma draws (Marsaglia and Tsang), from the generator given. */
final class BetaSampler {

    private BetaSampler() {}

    static double beta(RandomGenerator random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        double sum = x + y;
        // Both shapes tiny can underflow to 0/0; the mean is the honest answer then.
        return sum > 0 ? x / sum : a / (a + b);
    }

    static double gamma(RandomGenerator random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
