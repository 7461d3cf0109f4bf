package dev.alicia.router.domain.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The probability that an agent resolves a kind of contact, and the satisfaction they leave, from a snapshot of
 * counts: hierarchical Beta-Binomial shrinkage, in two parts.
 *
 * <p>What an average agent achieves (the baseline): the global rate, shrunk into the intent's, into the intent ×
 * emotion band's; then shifted, on the log-odds scale, by what the channel, the language and the tier add.
 *
 * <p>What each agent achieves: their own rate with this intent and emotion band, shrunk toward a prior that
 * comes from the levels above it: the agent with this intent, and the agent overall, each as a shift from the
 * baseline on the log-odds scale. Those two compare what the agent resolved with what an average agent would
 * have resolved of the same contacts (the expected counts), so an agent given the hard contacts is not taken for
 * a weak one. A new agent or a rare intent therefore starts from the level above; as outcomes come in, the
 * agent's own record takes over.
 *
 * <p>Drawing each level from its Beta posterior instead of taking its mean is Thompson sampling: the less is
 * known of an agent, the wider their draws, so they keep getting some contacts until the record says what they
 * are worth, and an early lucky streak is soon corrected.
 */
public final class OutcomeModel {

    private static final double EDGE = 1e-3;

    private final Shrinkage shrinkage;
    private final Objective objective;

    public OutcomeModel(LearningSettings settings) {
        this.shrinkage = settings.shrinkage();
        this.objective = settings.objective();
    }

    /** What an average agent achieves with this kind of contact. */
    public record Baseline(
            double resolution,
            double satisfaction,
            double intentBandResolution,
            double intentBandSatisfaction,
            double intentHandleSeconds) {}

    /**
     * What the model expects of one agent for one contact.
     *
     * @param value the objective, 0-1: what goes into {@code Candidate.outcomeEstimate}
     * @param average the objective an average agent reaches with this kind of contact
     * @param general the objective the agent's general record alone predicts for this kind (mean, no draw): with
     *     {@code average}, their general edge; with {@code value}, what this kind adds to it
     */
    public record Estimate(
            double resolution, double satisfaction, double handleCost, double value, double average, double general) {

        /** How much better than an average agent they are expected to be in general. */
        public double edge() {
            return general - average;
        }

        /** How much better than an average agent they are expected to be with this contact. */
        public double advantage() {
            return value - average;
        }
    }

    /** The keys one decision reads: the kind's ({@link #KIND_LEVELS}), then each agent's three. */
    public static List<String> keys(ContactKind kind, Collection<String> agentIds) {
        List<String> keys = new ArrayList<>(6 + 3 * agentIds.size());
        keys.addAll(OutcomeKeys.kindLevels(kind));
        for (String agentId : agentIds) {
            keys.addAll(OutcomeKeys.agentLevels(agentId, kind));
        }
        return keys;
    }

    /** How many of {@link #keys}'s first keys are the kind's levels. */
    public static final int KIND_LEVELS = 6;

    /** An agent's counts as {@link #keys} reads them: overall, with the intent, with the intent and band. */
    public record AgentLevels(Tally agent, Tally intent, Tally intentBand) {

        /** The agent levels of the {@code index}th agent in counts read with {@link #keys}. */
        public static AgentLevels of(List<Tally> snapshot, int index) {
            int first = KIND_LEVELS + 3 * index;
            return new AgentLevels(snapshot.get(first), snapshot.get(first + 1), snapshot.get(first + 2));
        }
    }

    /** What an average agent achieves, from counts read with {@link #keys} (or the kind's levels alone). */
    public Baseline baseline(List<Tally> snapshot) {
        Tally all = snapshot.get(0);
        Tally intent = snapshot.get(1);
        Tally band = snapshot.get(2);
        // A weak Beta(1, 1) at the top: the first outcomes move it quickly.
        double globalRate = shrink(all.resolved(), all.contacts(), 0.5, 2);
        double intentRate = shrink(intent.resolved(), intent.contacts(), globalRate, shrinkage.intent());
        double bandRate = shrink(band.resolved(), band.contacts(), intentRate, shrinkage.band());
        double globalSatisfaction = shrink(all.satisfaction(), all.rated(), 0.5, 2);
        double intentSatisfaction =
                shrink(intent.satisfaction(), intent.rated(), globalSatisfaction, shrinkage.intent());
        double bandSatisfaction = shrink(band.satisfaction(), band.rated(), intentSatisfaction, shrinkage.band());
        double resolutionShift = 0;
        double satisfactionShift = 0;
        for (int level = 3; level < KIND_LEVELS; level++) {
            Tally context = snapshot.get(level);
            if (context.contacts() > 0) {
                resolutionShift += meanShift(
                        context.resolved(), context.contacts(), context.expectedResolved(), shrinkage.context());
            }
            if (context.rated() > 0) {
                satisfactionShift += meanShift(
                        context.satisfaction(), context.rated(), context.expectedSatisfaction(), shrinkage.context());
            }
        }
        double globalHandle = all.contacts() > 0 ? all.handleSeconds() / all.contacts() : Double.NaN;
        double intentHandle = Double.isNaN(globalHandle)
                ? Double.NaN
                : shrink(intent.handleSeconds(), intent.contacts(), globalHandle, shrinkage.intent());
        return new Baseline(
                sigmoid(logit(bandRate) + resolutionShift),
                sigmoid(logit(bandSatisfaction) + satisfactionShift),
                bandRate,
                bandSatisfaction,
                intentHandle);
    }

    /**
     * What the agent is expected to achieve: the posterior mean when {@code random} is null, else one Thompson
     * draw.
     */
    public Estimate estimate(ContactKind kind, Baseline baseline, AgentLevels levels, RandomGenerator random) {
        Tally agent = levels.agent();
        Tally agentIntent = levels.intent();
        Tally agentIntentBand = levels.intentBand();
        double resolutionShift = level(agent, true, baseline.resolution(), 0, shrinkage.agent(), random);
        resolutionShift =
                level(agentIntent, true, baseline.resolution(), resolutionShift, shrinkage.agentIntent(), random);
        double resolution = leaf(
                agentIntentBand, true, baseline.resolution(), resolutionShift, shrinkage.agentIntentBand(), random);
        double satisfactionShift = level(agent, false, baseline.satisfaction(), 0, shrinkage.agent(), random);
        satisfactionShift =
                level(agentIntent, false, baseline.satisfaction(), satisfactionShift, shrinkage.agentIntent(), random);
        double satisfaction = leaf(
                agentIntentBand,
                false,
                baseline.satisfaction(),
                satisfactionShift,
                shrinkage.agentIntentBand(),
                random);
        double handleCost = 0;
        if (objective.countsHandleTime(kind) && !Double.isNaN(baseline.intentHandleSeconds())) {
            double handle = shrink(
                    agentIntent.handleSeconds(),
                    agentIntent.contacts(),
                    baseline.intentHandleSeconds(),
                    shrinkage.agentIntent());
            handleCost = Math.max(-1, Math.min(1, handle / baseline.intentHandleSeconds() - 1));
        }
        double generalResolution = sigmoid(
                logit(baseline.resolution()) + level(agent, true, baseline.resolution(), 0, shrinkage.agent(), null));
        double generalSatisfaction = sigmoid(logit(baseline.satisfaction())
                + level(agent, false, baseline.satisfaction(), 0, shrinkage.agent(), null));
        return new Estimate(
                resolution,
                satisfaction,
                handleCost,
                objective.value(resolution, satisfaction, handleCost),
                objective.value(baseline.resolution(), baseline.satisfaction(), 0),
                objective.value(generalResolution, generalSatisfaction, 0));
    }

    /**
     * One agent level: its shift from the baseline on the log-odds scale. The level's own record is compared with
     * what an average agent would have achieved with the same contacts; without a record it is its parent.
     */
    private static double level(
            Tally tally,
            boolean resolution,
            double baseline,
            double parentShift,
            double strength,
            RandomGenerator random) {
        double trials = resolution ? tally.contacts() : tally.rated();
        double successes = resolution ? tally.resolved() : tally.satisfaction();
        double expected = resolution ? tally.expectedResolved() : tally.expectedSatisfaction();
        double reference = clamp(trials > 0 ? expected / trials : baseline);
        double prior = sigmoid(logit(reference) + parentShift);
        double a = successes + strength * prior;
        double b = Math.max(0, trials - successes) + strength * (1 - prior);
        double theta = random == null ? a / (a + b) : BetaSampler.beta(random, a, b);
        return logit(clamp(theta)) - logit(reference);
    }

    /**
     * The finest level, the agent with this intent and emotion band, is the agent's own rate: its prior is the
     * baseline shifted by the levels above, but its record is taken as it is. Judging it against the baseline
     * too would let an agent inherit a baseline that rose because routing got better, not because they did.
     */
    private static double leaf(
            Tally tally,
            boolean resolution,
            double baseline,
            double parentShift,
            double strength,
            RandomGenerator random) {
        double trials = resolution ? tally.contacts() : tally.rated();
        double successes = resolution ? tally.resolved() : tally.satisfaction();
        double prior = sigmoid(logit(baseline) + parentShift);
        double a = successes + strength * prior;
        double b = Math.max(0, trials - successes) + strength * (1 - prior);
        return clamp(random == null ? a / (a + b) : BetaSampler.beta(random, a, b));
    }

    private static double meanShift(double successes, double trials, double expected, double strength) {
        double reference = clamp(expected / trials);
        return logit(clamp(shrink(successes, trials, reference, strength))) - logit(reference);
    }

    private static double shrink(double successes, double trials, double prior, double strength) {
        return (successes + strength * prior) / (trials + strength);
    }

    static double clamp(double p) {
        return Math.max(EDGE, Math.min(1 - EDGE, p));
    }

    static double logit(double p) {
        double q = clamp(p);
        return Math.log(q / (1 - q));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
