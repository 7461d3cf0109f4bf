package dev.alicia.sim;

import dev.alicia.router.domain.AgentFirstChoice;
import dev.alicia.router.domain.BetterMatchHold;
import dev.alicia.router.domain.ScoringWeights;
import dev.alicia.router.domain.Strategy;
import dev.alicia.router.domain.learning.Holdout;
import dev.alicia.router.domain.learning.LearningSettings;

/**
 * How the simulated router decides: the queue's strategy, the ranker's weights, whether the outcome learner
 * feeds {@code outcomeEstimate} (PREDICTIVE only) and with which holdout, whether PREDICTIVE holds a contact
 * a little for a clearly better agent, and which waiting contact an agent who frees up takes.
 */
public record Policy(
        String label,
        Strategy strategy,
        ScoringWeights weights,
        Estimates estimates,
        LearningSettings settings,
        Holdout holdout,
        BetterMatchHold hold,
        AgentFirstChoice agentFirst) {

    /** The router's defaults (RouterConfig: agent-first-window 20 s; RoutingService weighs up to 10 contacts). */
    public static final AgentFirstChoice AGENT_FIRST = new AgentFirstChoice(20_000, 10);

    public Policy(
            String label,
            Strategy strategy,
            ScoringWeights weights,
            Estimates estimates,
            LearningSettings settings,
            Holdout holdout) {
        this(label, strategy, weights, estimates, settings, holdout, BetterMatchHold.NONE, AGENT_FIRST);
    }

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
        ScoringWeights d = ScoringWeights.DEFAULTS;
        return learning(learnedWeight, d.idle(), d.idleSaturationMillis());
    }

    /** PREDICTIVE with the learner, and the idle-time factor changed too (weight, and when it saturates). */
    public static Policy learning(double learnedWeight, double idleWeight, long idleSaturationMillis) {
        ScoringWeights weights = withLearned(learnedWeight, idleWeight, idleSaturationMillis);
        return new Policy(
                "PREDICTIVE, " + describe(weights),
                Strategy.PREDICTIVE,
                weights,
                Estimates.LEARNER,
                LearningSettings.DEFAULTS,
                Holdout.NONE);
    }

    /** The weights that differ from the router's defaults, e.g. "learned weight 5, idle weight 2 over 2 min". */
    static String describe(ScoringWeights weights) {
        ScoringWeights d = ScoringWeights.DEFAULTS;
        String text = "learned weight " + format(weights.learned());
        if (weights.idle() != d.idle() || weights.idleSaturationMillis() != d.idleSaturationMillis()) {
            text += ", idle weight " + format(weights.idle()) + " over "
                    + format(weights.idleSaturationMillis() / 60_000.0) + " min";
        }
        if (weights.opportunity() != d.opportunity()) {
            text += weights.opportunity() == 0 ? ", estimate alone" : ", opportunity " + format(weights.opportunity());
        }
        return text;
    }

    /** Its weights that differ from the router's defaults, and its hold for a better agent if any. */
    static String describe(Policy policy) {
        return describe(policy.weights())
                + describe(policy.agentFirst())
                + (policy.hold().enabled() ? ", " + describe(policy.hold()) : "");
    }

    /** Nothing for the router's default; else how a freed agent chooses among waiting contacts. */
    static String describe(AgentFirstChoice choice) {
        if (choice.equals(AGENT_FIRST)) {
            return "";
        }
        return choice.enabled()
                ? ", agent-first window " + format(choice.windowMillis() / 1000.0) + " s"
                : ", strict queue order";
    }

    /** The same weights with another opportunity weight (0: the estimate alone). */
    public Policy withOpportunity(double opportunity) {
        ScoringWeights changed = weights.withOpportunity(opportunity);
        Policy p = withWeights(label, changed);
        return p.withWeights("PREDICTIVE, " + describe(p), changed);
    }

    /** The same with a freed agent choosing among waiting contacts by {@code choice}. */
    public Policy withAgentFirst(AgentFirstChoice choice) {
        Policy p = withAgentFirst(label, choice);
        return p.withAgentFirst("PREDICTIVE, " + describe(p), choice);
    }

    /** PREDICTIVE told each agent's true resolution probability: how much routing could gain at most. */
    public static Policy oracle(ScoringWeights weights) {
        return new Policy(
                "PREDICTIVE knowing the truth (ceiling)",
                Strategy.PREDICTIVE,
                weights,
                Estimates.TRUTH,
                null,
                Holdout.NONE);
    }

    public Policy withSettings(String newLabel, LearningSettings newSettings) {
        return new Policy(newLabel, strategy, weights, estimates, newSettings, holdout, hold, agentFirst);
    }

    public Policy withWeights(String newLabel, ScoringWeights newWeights) {
        return new Policy(newLabel, strategy, newWeights, estimates, settings, holdout, hold, agentFirst);
    }

    /** The same, with a freed agent taking waiting contacts by {@code choice} (OFF: strictly in queue order). */
    public Policy withAgentFirst(String newLabel, AgentFirstChoice choice) {
        return new Policy(newLabel, strategy, weights, estimates, settings, holdout, hold, choice);
    }

    /** The same, holding a contact up to {@code newHold}'s wait for an agent clearly better than the free ones. */
    public Policy withHold(BetterMatchHold newHold) {
        return new Policy(
                label + ", " + describe(newHold), strategy, weights, estimates, settings, holdout, newHold, agentFirst);
    }

    static String describe(BetterMatchHold hold) {
        return "holds ≤ " + format(hold.maxWaitMillis() / 1000.0) + " s for an agent +"
                + format(Math.round(hold.margin() * 100)) + " points better";
    }

    public Policy withHoldout(Holdout newHoldout) {
        return new Policy(
                label + ", " + Math.round(newHoldout.baselineShare() * 100) + "% held out",
                strategy,
                weights,
                estimates,
                settings,
                newHoldout,
                hold,
                agentFirst);
    }

    static ScoringWeights withLearned(double learned, double idle, long idleSaturationMillis) {
        return ScoringWeights.DEFAULTS.withLearned(learned).withIdle(idle, idleSaturationMillis);
    }

    static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
