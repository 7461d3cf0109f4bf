package dev.alicia.sim;

import dev.alicia.router.domain.ScoringWeights;
import dev.alicia.router.domain.Strategy;
import dev.alicia.router.domain.learning.Holdout;
import dev.alicia.router.domain.learning.LearningSettings;

/**
 * How the simulated router decides: the queue's strategy, the ranker's weights, and whether the outcome learner
 * feeds {@code outcomeEstimate} (PREDICTIVE only) and with which holdout.
 */
public record Policy(
        String label,
        Strategy strategy,
        ScoringWeights weights,
        Estimates estimates,
        LearningSettings settings,
        Holdout holdout) {

    /** Where PREDICTIVE's outcome estimates come from. */
    public enum Estimates {
        /** None: the ranker's neutral prior, so the profile alone decides. */
        NONE,
        /** The outcome learner's Thompson draws. */
        LEARNER,
        /** The simulated world's hidden truth: a ceiling no real router can reach. */
        TRUTH
    }

    public boolean learning() {
        return estimates == Estimates.LEARNER;
    }

    public static Policy baseline(Strategy strategy) {
        return new Policy(strategy.name(), strategy, ScoringWeights.DEFAULTS, Estimates.NONE, null, Holdout.NONE);
    }

    /** PREDICTIVE on the profile alone: skills, fluency, register, emotion × strengths, fairness; no learning. */
    public static Policy profileOnly() {
        return new Policy(
                "PREDICTIVE, profile only",
                Strategy.PREDICTIVE,
                ScoringWeights.DEFAULTS,
                Estimates.NONE,
                null,
                Holdout.NONE);
    }

    /** PREDICTIVE with the learner, the router's default weights except the learned one. */
    public static Policy learning(double learnedWeight) {
        return new Policy(
                "PREDICTIVE, learned weight " + format(learnedWeight),
                Strategy.PREDICTIVE,
                withLearned(learnedWeight),
                Estimates.LEARNER,
                LearningSettings.DEFAULTS,
                Holdout.NONE);
    }

    /** PREDICTIVE told each agent's true resolution probability: how much routing could gain at most. */
    public static Policy oracle(double learnedWeight) {
        return new Policy(
                "PREDICTIVE knowing the truth (ceiling)",
                Strategy.PREDICTIVE,
                withLearned(learnedWeight),
                Estimates.TRUTH,
                null,
                Holdout.NONE);
    }

    public Policy withSettings(String newLabel, LearningSettings newSettings) {
        return new Policy(newLabel, strategy, weights, estimates, newSettings, holdout);
    }

    public Policy withHoldout(Holdout newHoldout) {
        return new Policy(
                label + ", " + Math.round(newHoldout.baselineShare() * 100) + "% held out",
                strategy,
                weights,
                estimates,
                settings,
                newHoldout);
    }

    static ScoringWeights withLearned(double learned) {
        ScoringWeights d = ScoringWeights.DEFAULTS;
        return new ScoringWeights(
                d.skill(),
                d.fluency(),
                d.register(),
                d.emotion(),
                d.affinity(),
                d.idle(),
                d.occupancy(),
                learned,
                d.idleSaturationMillis());
    }

    static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
