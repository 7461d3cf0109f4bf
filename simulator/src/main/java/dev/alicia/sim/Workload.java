package dev.alicia.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.alicia.context.client.model.Emotion;

/** The stream of arrivals: Poisson in time, customers drawn by intent, channel, language, tier and feeling. */
final class Workload {

    private static final double MIN_INTENSITY = 0.3;
    private static final double HANDLE_SIGMA = 0.6;

    private final Scenario scenario;
    private final SplittableRandom random;
    private final double ratePerMilli;
    // Maps iterate in no fixed order; draws go through sorted lists so a seed replays exactly.
    private final List<Map.Entry<String, Double>> languages;
    private final List<Map.Entry<Emotion, Double>> emotions;
    private long clock;
    private int seq;

    Workload(Scenario scenario, long seed, long start) {
        this.scenario = scenario;
        this.random = new SplittableRandom(seed);
        this.ratePerMilli = arrivalRate(scenario) / 1000;
        this.languages = new ArrayList<>(scenario.languages().entrySet());
        this.languages.sort(Map.Entry.comparingByKey());
        this.emotions = new ArrayList<>(scenario.emotions().entrySet());
        this.emotions.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        this.clock = start;
    }

    /** Contacts per second that give the scenario's load of first contacts. */
    static double arrivalRate(Scenario scenario) {
        return scenario.load() * scenario.agents() / (meanHandleSeconds(scenario) + scenario.meanWrapUpSeconds());
    }

    /** The mean handle time of a first contact with an average agent. */
    static double meanHandleSeconds(Scenario scenario) {
        double intents = 0;
        for (Scenario.Intent intent : scenario.intents()) {
            intents += intent.share() * intent.meanHandleSeconds();
        }
        double channels = 0;
        for (Scenario.Channel channel : scenario.channels()) {
            channels += channel.share() * channel.handleFactor();
        }
        double distressed = 0;
        for (Map.Entry<Emotion, Double> e : scenario.emotions().entrySet()) {
            if (e.getKey().distressed()) {
                distressed += e.getValue();
            } else if (e.getKey() == Emotion.DISSATISFACTION) {
                // Dissatisfaction counts as distress from intensity 0.6 (ContactNeeds.distressed).
                distressed += e.getValue() * (1 - 0.6) / (1 - MIN_INTENSITY);
            }
        }
        return intents * channels * (1 + 0.25 * distressed);
    }

    SimContact next() {
        clock += Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) / ratePerMilli));
        Scenario.Intent intent = pick(scenario.intents(), Scenario.Intent::share);
        Scenario.Channel channel = pick(scenario.channels(), Scenario.Channel::share);
        String language = pick(languages, Map.Entry::getValue).getKey();
        String tier = random.nextDouble() < scenario.premiumShare() ? "premium" : "standard";
        Emotion emotion = pick(emotions, Map.Entry::getValue).getKey();
        double intensity = emotion == Emotion.NEUTRAL ? 0 : MIN_INTENSITY + (1 - MIN_INTENSITY) * random.nextDouble();
        double patienceMean =
                scenario.meanPatienceSeconds() * channel.patienceFactor() * (tier.equals("premium") ? 1.5 : 1);
        double[] patience = {exponential(patienceMean), exponential(patienceMean)};
        double[] resolution = {random.nextDouble(), random.nextDouble()};
        double[] gaussian = {random.nextGaussian(), random.nextGaussian()};
        double[] uniform = {random.nextDouble(), random.nextDouble()};
        double[] wrap = {random.nextDouble(), random.nextDouble()};
        double transfer = random.nextDouble();
        double survey = random.nextDouble();
        double noise = random.nextGaussian();
        return new SimContact(
                seq++,
                clock,
                intent.name(),
                channel.name(),
                language,
                tier,
                emotion,
                intensity,
                logit(intent.resolution()) + channel.resolutionShift(),
                intent.meanHandleSeconds() * channel.handleFactor(),
                patience,
                resolution,
                gaussian,
                uniform,
                wrap,
                transfer,
                survey,
                noise);
    }

    /** A handle time around {@code mean}: lognormal with unit-mean noise, or exponential. */
    double handleSeconds(double mean, SimContact contact, int leg) {
        if (scenario.exponentialHandle()) {
            return -Math.log(1 - contact.handleUniform[leg]) * mean;
        }
        return mean * Math.exp(HANDLE_SIGMA * contact.handleGaussian[leg] - HANDLE_SIGMA * HANDLE_SIGMA / 2);
    }

    private double exponential(double mean) {
        double u = random.nextDouble();
        return Double.isInfinite(mean) ? Double.POSITIVE_INFINITY : -Math.log(1 - u) * mean;
    }

    private <T> T pick(List<T> options, java.util.function.ToDoubleFunction<T> share) {
        double total = 0;
        for (T option : options) {
            total += share.applyAsDouble(option);
        }
        double u = random.nextDouble() * total;
        for (T option : options) {
            u -= share.applyAsDouble(option);
            if (u < 0) {
                return option;
            }
        }
        return options.get(options.size() - 1);
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
