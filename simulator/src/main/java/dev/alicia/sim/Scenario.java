package dev.alicia.sim;

import java.util.List;
import java.util.Map;

import dev.alicia.context.client.model.Emotion;

/**
 * One simulated contact center: who calls about what, on which channel and in which language, how they feel
 * and how long they wait; the agents, what they truly achieve (hidden from the router) and what their profiles
 * say (visible to it). Everything random is drawn from the run's seed.
 *
 * @param name short name, for the report
 * @param agents number of agents, all logged in for the whole run, one contact at a time
 * @param contacts number of arrivals
 * @param load offered load of first contacts per agent (handle plus wrap-up over capacity); transfers add to it
 * @param intents what customers call about
 * @param channels how they reach the center
 * @param languages customer languages by share; the one missing from {@code agentLanguages} is spoken by all
 * @param agentLanguages share of agents speaking each other language
 * @param premiumShare share of premium-tier customers (more patient)
 * @param emotions how customers feel, by share; intensity is uniform in [0.3, 1]
 * @param heterogeneity how much agents truly differ, and how much their profiles say about it
 * @param meanPatienceSeconds mean of the exponential patience of a voice customer; infinite: nobody abandons
 * @param meanWrapUpSeconds mean of the exponential wrap-up after each contact; 0: none
 * @param exponentialHandle handle times exponential (Erlang C's assumption) rather than lognormal
 * @param transferShare share of unresolved first contacts transferred to another agent
 * @param surveyShare share of customers who answer the satisfaction survey (what the learner sees)
 */
public record Scenario(
        String name,
        int agents,
        int contacts,
        double load,
        List<Intent> intents,
        List<Channel> channels,
        Map<String, Double> languages,
        Map<String, Double> agentLanguages,
        double premiumShare,
        Map<Emotion, Double> emotions,
        Heterogeneity heterogeneity,
        double meanPatienceSeconds,
        double meanWrapUpSeconds,
        boolean exponentialHandle,
        double transferShare,
        double surveyShare) {

    /**
     * What customers call about.
     *
     * @param resolution probability that an average agent resolves a calm voice contact of this intent
     * @param skilledShare share of agents who hold the skill (the queue requires it)
     */
    public record Intent(String name, double share, double resolution, double meanHandleSeconds, double skilledShare) {}

    /**
     * A channel.
     *
     * @param resolutionShift added to the log-odds of resolution
     * @param handleFactor handle time multiplier
     * @param patienceFactor patience multiplier (chat customers wait longer)
     */
    public record Channel(
            String name, double share, double resolutionShift, double handleFactor, double patienceFactor) {}

    /**
     * How agents truly differ, as standard deviations on the log-odds scale of resolution (ability overall,
     * per intent, with upset and distressed customers), of satisfaction points (warmth with upset customers) and
     * of the log of handle time (speed); the log-odds a non-native speaker loses per fluency level; and the
     * correlation between the hidden truth and the visible profile (skill levels, empathy and de-escalation
     * ratings).
     */
    public record Heterogeneity(
            double ability,
            double specialty,
            double emotion,
            double warmth,
            double speed,
            double fluency,
            double profileSignal) {

        public static final Heterogeneity NONE = new Heterogeneity(0, 0, 0, 0, 0, 0, 0);
    }

    static final List<Intent> INTENTS = List.of(
            new Intent("billing", 0.35, 0.72, 240, 1.0),
            new Intent("tech_support", 0.25, 0.58, 420, 0.8),
            new Intent("fraud", 0.10, 0.62, 360, 0.5),
            new Intent("cancellation", 0.15, 0.50, 300, 0.7),
            new Intent("general", 0.15, 0.80, 180, 1.0));

    static final List<Channel> CHANNELS =
            List.of(new Channel("voice", 0.6, 0, 1.0, 1.0), new Channel("chat", 0.4, -0.2, 1.3, 1.7));

    static final Map<Emotion, Double> EMOTIONS = Map.of(
            Emotion.NEUTRAL, 0.55,
            Emotion.POSITIVE, 0.07,
            Emotion.DISSATISFACTION, 0.18,
            Emotion.ANGER, 0.08,
            Emotion.FEAR, 0.08,
            Emotion.SHAME, 0.04);

    /**
     * The main case: 40 agents who differ the way people do, and profiles that say only part of it. Agents'
     * log-odds of resolving differ by 0.4 overall, 0.4 per intent and 0.4 with upset or distressed customers
     * (standard deviations), and drop by 0.15 per fluency level below native; warmth differs by 0.3 satisfaction
     * points, speed by 0.15 (log). Skill levels and emotion ratings correlate 0.5 with the truth before rounding.
     */
    public static Scenario heterogeneous() {
        return new Scenario(
                "heterogeneous",
                40,
                100_000,
                0.75,
                INTENTS,
                CHANNELS,
                Map.of("en", 0.7, "fr", 0.2, "es", 0.1),
                Map.of("fr", 0.35, "es", 0.2),
                0.2,
                EMOTIONS,
                new Heterogeneity(0.4, 0.4, 0.4, 0.3, 0.15, 0.15, 0.5),
                180,
                30,
                false,
                0.4,
                0.3);
    }

    /** The same center with agents who are all equally good; their profiles still differ, at random. */
    public static Scenario equalAgents() {
        return heterogeneous().withName("equal").withHeterogeneity(Heterogeneity.NONE);
    }

    /**
     * Erlang C's world: one queue, one intent, identical agents, Poisson arrivals, exponential handle times,
     * no wrap-up, no transfers, nobody abandons.
     */
    public static Scenario erlang(int agents, double load, int contacts, double meanHandleSeconds) {
        return new Scenario(
                "erlang",
                agents,
                contacts,
                load,
                List.of(new Intent("general", 1, 0.7, meanHandleSeconds, 1)),
                List.of(new Channel("voice", 1, 0, 1, 1)),
                Map.of("en", 1.0),
                Map.of(),
                0,
                Map.of(Emotion.NEUTRAL, 1.0),
                Heterogeneity.NONE,
                Double.POSITIVE_INFINITY,
                0,
                true,
                0,
                0);
    }

    public Scenario withName(String newName) {
        return new Scenario(
                newName,
                agents,
                contacts,
                load,
                intents,
                channels,
                languages,
                agentLanguages,
                premiumShare,
                emotions,
                heterogeneity,
                meanPatienceSeconds,
                meanWrapUpSeconds,
                exponentialHandle,
                transferShare,
                surveyShare);
    }

    public Scenario withHeterogeneity(Heterogeneity newHeterogeneity) {
        return new Scenario(
                name,
                agents,
                contacts,
                load,
                intents,
                channels,
                languages,
                agentLanguages,
                premiumShare,
                emotions,
                newHeterogeneity,
                meanPatienceSeconds,
                meanWrapUpSeconds,
                exponentialHandle,
                transferShare,
                surveyShare);
    }

    public Scenario withContacts(int newContacts) {
        return new Scenario(
                name,
                agents,
                newContacts,
                load,
                intents,
                channels,
                languages,
                agentLanguages,
                premiumShare,
                emotions,
                heterogeneity,
                meanPatienceSeconds,
                meanWrapUpSeconds,
                exponentialHandle,
                transferShare,
                surveyShare);
    }

    public Scenario withLoad(double newLoad) {
        return new Scenario(
                name,
                agents,
                contacts,
                newLoad,
                intents,
                channels,
                languages,
                agentLanguages,
                premiumShare,
                emotions,
                heterogeneity,
                meanPatienceSeconds,
                meanWrapUpSeconds,
                exponentialHandle,
                transferShare,
                surveyShare);
    }

    /** The first language: every agent speaks it. */
    String mainLanguage() {
        return languages.keySet().stream()
                .filter(l -> !agentLanguages.containsKey(l))
                .sorted()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("one customer language must be spoken by all agents"));
    }
}
