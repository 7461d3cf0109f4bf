package dev.alicia.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

import dev.alicia.router.domain.AgentFirstChoice;
import dev.alicia.router.domain.AgentRanker;
import dev.alicia.router.domain.Candidate;
import dev.alicia.router.domain.EmotionalLoadGuard;
import dev.alicia.router.domain.Ranking;
import dev.alicia.router.domain.Scarcity;
import dev.alicia.router.domain.ScoredCandidate;
import dev.alicia.router.domain.Strategy;
import dev.alicia.router.domain.learning.ContactOutcome;
import dev.alicia.router.domain.learning.EmotionBand;
import dev.alicia.router.domain.learning.InMemoryOutcomeCounts;
import dev.alicia.router.domain.learning.OutcomeLearner;

/**
 * A discrete-event contact center in virtual time: a priority queue of events, no sleeping, no threads. Contacts
 * wait in one first-come-first-served queue; whenever an agent is free, the oldest waiting contact that someone
 * free may take is routed by the router's own {@link AgentRanker} over the free agents, with the strategy under
 * test (and for PREDICTIVE with learning, the learner's Thompson draws as the outcome estimates). An agent who
 * frees up while contacts wait first takes the one the router's {@link AgentFirstChoice} picks (queue order
 * unless PREDICTIVE knows what they would do with them). Outcomes go back to the learner as they happen.
 */
public final class Simulation {

    /** Virtual epoch, ms: positive, as the ranker reads an idle-since of 0 as not idle. */
    static final long START = 1_000_000_000L;

    public static final int BLOCKS = 20;
    public static final double SERVICE_LEVEL_SECONDS = 20;
    /** The router's defaults (RouterConfig): three distressed contacts in a row, then two minutes' rest. */
    static final EmotionalLoadGuard GUARD = new EmotionalLoadGuard(3, 120_000);

    private static final int ARRIVAL = 0;
    private static final int ABANDON = 1;
    private static final int HANDLED = 2;
    private static final int WRAPPED = 3;
    private static final int RESTED = 4;
    /** A contact held for a better agent has waited as long as it may: it goes to the best free agent. */
    private static final int HOLD_OVER = 5;

    private final Scenario scenario;
    private final long seed;
    private final Policy policy;
    private final List<SimAgent> agents;
    private final Scarcity scarcity;
    /** The truth's general edge of each agent (by index), for PREDICTIVE knowing the truth. */
    private final double[] trueEdge;

    private final Map<String, SimAgent> byId = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final Workload workload;
    private final AgentRanker ranker;
    private final OutcomeLearner learner;
    private final SplittableRandom thompson;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final LinkedHashSet<Leg> queue = new LinkedHashSet<>();
    private final LinkedHashSet<SimAgent> idle = new LinkedHashSet<>();
    private final List<RunResult.Cell[]> blocks = new ArrayList<>();
    private final int blockSize;
    private long now = START;
    private long lastActive = START;
    private long eventSeq;
    private int arrived;
    private int decisions;
    private String roundRobinCursor;

    private Simulation(Scenario scenario, long seed, Policy policy) {
        this.scenario = scenario;
        this.seed = seed;
        this.policy = policy;
        this.agents = Population.generate(scenario, mix(seed, 1));
        // Every simulated agent is logged in for the whole run: the floor's census is taken once.
        Scarcity.Builder census = Scarcity.census();
        for (SimAgent agent : agents) {
            census.add(agent.candidate().languages(), agent.candidate().skills());
        }
        this.scarcity = census.build();
        this.trueEdge = policy.estimates() == Policy.Estimates.TRUTH ? trueEdges(scenario, seed, agents) : null;
        this.workload = new Workload(scenario, mix(seed, 2), START);
        this.thompson = new SplittableRandom(mix(seed, 3));
        this.ranker = new AgentRanker(policy.weights(), GUARD);
        this.learner = policy.learning() ? new OutcomeLearner(new InMemoryOutcomeCounts(), policy.settings()) : null;
        this.blockSize = Math.max(1, (scenario.contacts() + BLOCKS - 1) / BLOCKS);
        for (int b = 0; b < BLOCKS; b++) {
            blocks.add(new RunResult.Cell[] {new RunResult.Cell(), new RunResult.Cell()});
        }
        for (SimAgent agent : agents) {
            byId.put(agent.id, agent);
            ids.add(agent.id);
            agent.idleSince = START;
            idle.add(agent);
        }
    }

    public static RunResult run(Scenario scenario, long seed, Policy policy) {
        return new Simulation(scenario, seed, policy).run();
    }

    /** The agents of a seed, for describing what was simulated. */
    static List<SimAgent> population(Scenario scenario, long seed) {
        return Population.generate(scenario, mix(seed, 1));
    }

    private RunResult run() {
        long started = System.nanoTime();
        if (scenario.contacts() > 0) {
            arrive();
        }
        while (!events.isEmpty()) {
            Event event = events.poll();
            now = event.time;
            // A patience or hold timer of a contact already answered is no activity: it does not stretch the run.
            if ((event.type != ABANDON && event.type != HOLD_OVER) || queue.contains(event.leg)) {
                lastActive = now;
            }
            switch (event.type) {
                case ARRIVAL -> arrival(event.leg);
                case ABANDON -> abandon(event.leg);
                case HANDLED -> handled(event.agent, event.leg);
                case WRAPPED -> wrapped(event.agent);
                case RESTED -> {
                    serveAgent(event.agent);
                    dispatch();
                }
                case HOLD_OVER -> dispatch();
                default -> throw new IllegalStateException("unknown event " + event.type);
            }
        }
        double seconds = (lastActive - START) / 1000.0;
        double[] occupancy = new double[agents.size()];
        for (SimAgent agent : agents) {
            occupancy[agent.index] = seconds > 0 ? agent.busyMillis / 1000.0 / seconds : 0;
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return new RunResult(
                policy.label(), seed, List.copyOf(blocks), occupancy, decisions, seconds, scenario.contacts() / wall);
    }

    private void arrive() {
        SimContact contact = workload.next();
        contact.arm = policy.holdout().arm(contact.id);
        schedule(contact.arrival, ARRIVAL, null, new Leg(contact, 0, contact.arrival, Set.of()));
    }

    private void arrival(Leg leg) {
        arrived++;
        cell(leg.contact).arrivals++;
        if (arrived < scenario.contacts()) {
            arrive();
        }
        enqueue(leg);
        dispatch();
    }

    private void enqueue(Leg leg) {
        decideHold(leg);
        queue.add(leg);
        double patience = leg.contact.patienceSeconds[leg.number];
        if (!Double.isInfinite(patience)) {
            schedule(now + Math.round(patience * 1000), ABANDON, null, leg);
        }
    }

    private void abandon(Leg leg) {
        if (!queue.remove(leg)) {
            return;
        }
        RunResult.Cell cell = cell(leg.contact);
        if (leg.number == 0) {
            cell.abandoned++;
        } else {
            // Transferred, then gave up: unresolved, and they say so in the survey.
            cell.abandonedAfterTransfer++;
            leg.contact.waitedSeconds += (now - leg.enqueuedAt) / 1000.0;
            rate(cell, satisfaction(leg.contact, false, true, null));
        }
    }

    /** Routes waiting contacts, oldest first, while anyone is free. */
    private void dispatch() {
        if (idle.isEmpty() || queue.isEmpty()) {
            return;
        }
        Iterator<Leg> waiting = queue.iterator();
        while (waiting.hasNext() && !idle.isEmpty()) {
            Leg leg = waiting.next();
            SimAgent agent = route(leg);
            if (agent != null) {
                waiting.remove();
                start(leg, agent);
            }
        }
    }

    private SimAgent route(Leg leg) {
        SimContact contact = leg.contact;
        Strategy strategy = policy.holdout().strategyFor(contact.arm, policy.strategy());
        List<Candidate> candidates = new ArrayList<>(idle.size());
        for (SimAgent agent : idle) {
            candidates.add(agent.candidate());
        }
        if (strategy == Strategy.PREDICTIVE && candidates.size() > 1) {
            if (learner != null) {
                candidates = learner.withEstimates(contact.kind, candidates, thompson);
            } else if (policy.estimates() == Policy.Estimates.TRUTH) {
                candidates.replaceAll(c -> {
                    SimAgent agent = byId.get(c.agentId());
                    return c.withOutcomeEstimate(agent.resolution(contact), trueEdge[agent.index]);
                });
            }
        }
        AgentRanker.Request request =
                new AgentRanker.Request(contact.needs, strategy, leg.excluded, roundRobinCursor, now, scarcity);
        if (strategy == Strategy.PREDICTIVE
                && !Double.isNaN(leg.holdFor)
                && policy.hold().mayHold(now - leg.enqueuedAt)) {
            // Held for a better agent: only those expected to reach the threshold may take it yet.
            Map<String, Double> means = means(contact);
            long waited = now - leg.enqueuedAt;
            candidates.removeIf(c -> !policy.hold().accepts(leg.holdFor, means.get(c.agentId()), waited));
        }
        Ranking ranking = ranker.rank(request, candidates, 1);
        return ranking.best().map(ScoredCandidate::agentId).map(byId::get).orElse(null);
    }

    /**
     * The router's {@link dev.alicia.router.domain.BetterMatchHold}, decided once as the contact starts waiting:
     * from the learner's mean estimates (or the truth, for the ceiling) of the best free and the best busy agent
     * who may take it.
     */
    private void decideHold(Leg leg) {
        SimContact contact = leg.contact;
        if (!policy.hold().enabled()
                || policy.holdout().strategyFor(contact.arm, policy.strategy()) != Strategy.PREDICTIVE) {
            return;
        }
        Map<String, Double> means = means(contact);
        if (means == null) {
            return;
        }
        List<Candidate> free = new ArrayList<>(idle.size());
        List<Candidate> busy = new ArrayList<>(agents.size());
        for (SimAgent agent : agents) {
            Candidate candidate = agent.candidate().withOutcomeEstimate(means.get(agent.id));
            (idle.contains(agent) ? free : busy).add(candidate);
        }
        AgentRanker.Request request = new AgentRanker.Request(
                contact.needs, Strategy.PREDICTIVE, leg.excluded, roundRobinCursor, now, scarcity);
        leg.holdFor = policy.hold().threshold(ranker.bestEstimate(request, free), ranker.bestEstimate(request, busy));
        if (!Double.isNaN(leg.holdFor)) {
            schedule(policy.hold().releaseAt(leg.enqueuedAt), HOLD_OVER, null, leg);
        }
    }

    /** What each agent is expected to achieve with the contact, as the hold sees it; null without estimates. */
    private Map<String, Double> means(SimContact contact) {
        Map<String, Double> means = new HashMap<>();
        if (learner != null) {
            learner.estimates(contact.kind, ids).forEach((id, estimate) -> means.put(id, estimate.value()));
        } else if (policy.estimates() == Policy.Estimates.TRUTH) {
            agents.forEach(agent -> means.put(agent.id, agent.resolution(contact)));
        } else {
            return null;
        }
        return means;
    }

    private void start(Leg leg, SimAgent agent) {
        decisions++;
        idle.remove(agent);
        roundRobinCursor = agent.id;
        SimContact contact = leg.contact;
        double waited = (now - leg.enqueuedAt) / 1000.0;
        contact.waitedSeconds += waited;
        if (leg.number == 0) {
            RunResult.Cell cell = cell(contact);
            cell.answered++;
            cell.waitSeconds += waited;
            cell.withinThreshold += waited <= SERVICE_LEVEL_SECONDS ? 1 : 0;
        }
        agent.streak = GUARD.after(agent.streak, contact.distressed, now);
        if (agent.streak.coolDownUntil() > now) {
            schedule(agent.streak.coolDownUntil(), RESTED, agent, null);
        }
        leg.resolved = contact.resolutionDraw[leg.number] < agent.resolution(contact);
        leg.handleMillis = Math.max(
                1000,
                Math.round(
                        1000 * workload.handleSeconds(contact.meanHandleSeconds * agent.speed, contact, leg.number)));
        leg.wrapMillis =
                Math.round(-Math.log(1 - contact.wrapUniform[leg.number]) * scenario.meanWrapUpSeconds() * 1000);
        agent.busyMillis += leg.handleMillis + leg.wrapMillis;
        schedule(now + leg.handleMillis, HANDLED, agent, leg);
    }

    private void handled(SimAgent agent, Leg leg) {
        SimContact contact = leg.contact;
        RunResult.Cell cell = cell(contact);
        boolean transfer = leg.number == 0 && !leg.resolved && contact.transferDraw < scenario.transferShare();
        if (leg.number == 0 && leg.resolved) {
            cell.firstContactResolved++;
        }
        Double survey = null;
        if (transfer) {
            cell.transfers++;
            enqueue(new Leg(contact, 1, now, Set.of(agent.id)));
        } else {
            cell.resolved += leg.resolved ? 1 : 0;
            int score = satisfaction(contact, leg.resolved, leg.number == 1, agent);
            rate(cell, score);
            survey = contact.surveyDraw < scenario.surveyShare() ? (double) score : null;
        }
        if (learner != null) {
            learner.record(agent.id, contact.kind, new ContactOutcome(leg.resolved, survey, leg.handleMillis / 1000.0));
        }
        schedule(now + leg.wrapMillis, WRAPPED, agent, null);
        dispatch();
    }

    private void wrapped(SimAgent agent) {
        agent.idleSince = now;
        idle.add(agent);
        serveAgent(agent);
        dispatch();
    }

    /**
     * The router's agent-first path ({@code RoutingService.serveAgent}): the agent who frees up takes, among the
     * waiting contacts they may take, the one {@link AgentFirstChoice} picks from what they are expected to do with
     * each compared with an average agent.
     */
    private void serveAgent(SimAgent agent) {
        if (queue.isEmpty() || !idle.contains(agent)) {
            return;
        }
        AgentFirstChoice choice = policy.agentFirst();
        List<Leg> legs = new ArrayList<>();
        List<AgentFirstChoice.Option> options = new ArrayList<>();
        for (Leg leg : queue) {
            Strategy strategy = policy.holdout().strategyFor(leg.contact.arm, policy.strategy());
            AgentRanker.Request request =
                    new AgentRanker.Request(leg.contact.needs, strategy, leg.excluded, roundRobinCursor, now, scarcity);
            if (ranker.rank(request, List.of(agent.candidate()), 1).best().isEmpty() || held(leg, strategy, agent)) {
                continue;
            }
            AgentFirstChoice.Option option = new AgentFirstChoice.Option(
                    0,
                    leg.enqueuedAt,
                    now - leg.enqueuedAt,
                    choice.enabled() ? advantage(strategy, leg.contact, agent) : Double.NaN);
            if (!options.isEmpty() && !choice.weighs(options.get(0), option, options.size())) {
                break;
            }
            legs.add(leg);
            options.add(option);
            if (options.size() == 1 && !choice.weighs(option)) {
                break;
            }
        }
        int chosen = choice.choose(options);
        if (chosen >= 0) {
            Leg leg = legs.get(chosen);
            queue.remove(leg);
            start(leg, agent);
        }
    }

    /** Held for a clearly better agent than this one (the router's BetterMatchHold), so not theirs yet. */
    private boolean held(Leg leg, Strategy strategy, SimAgent agent) {
        if (strategy != Strategy.PREDICTIVE
                || Double.isNaN(leg.holdFor)
                || !policy.hold().mayHold(now - leg.enqueuedAt)) {
            return false;
        }
        return !policy.hold().accepts(leg.holdFor, means(leg.contact).get(agent.id), now - leg.enqueuedAt);
    }

    /** What the agent is expected to gain on the contact over an average agent; NaN when the strategy knows nothing. */
    private double advantage(Strategy strategy, SimContact contact, SimAgent agent) {
        if (strategy != Strategy.PREDICTIVE) {
            return Double.NaN;
        }
        if (learner != null) {
            return learner.estimates(contact.kind, List.of(agent.id))
                    .get(agent.id)
                    .advantage();
        }
        if (policy.estimates() == Policy.Estimates.TRUTH) {
            double sum = 0;
            for (SimAgent other : agents) {
                sum += other.resolution(contact);
            }
            return agent.resolution(contact) - sum / agents.size();
        }
        return Double.NaN;
    }

    /**
     * Each agent's true general edge: their mean resolution over a sample of this center's contacts less the
     * floor's (what the learner's agent-level record estimates).
     */
    private static double[] trueEdges(Scenario scenario, long seed, List<SimAgent> agents) {
        Workload sample = new Workload(scenario, mix(seed, 4), START);
        double[] general = new double[agents.size()];
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            SimContact contact = sample.next();
            for (SimAgent agent : agents) {
                general[agent.index] += agent.resolution(contact) / n;
            }
        }
        double average = java.util.Arrays.stream(general).average().orElse(0);
        for (int i = 0; i < general.length; i++) {
            general[i] -= average;
        }
        return general;
    }

    /**
     * The survey score 1-5: resolution first, then the wait and a transfer, and the agent's warmth, which counts
     * most with distressed customers.
     */
    private static int satisfaction(SimContact contact, boolean resolved, boolean transferred, SimAgent agent) {
        double mean = (resolved ? 4.3 : 2.4)
                - (transferred ? 0.4 : 0)
                - Math.min(1.5, 0.006 * contact.waitedSeconds)
                + (agent == null ? 0 : agent.warmth * warmthWeight(contact.band));
        return (int) Math.max(1, Math.min(5, Math.round(mean + 0.6 * contact.satisfactionNoise)));
    }

    private static double warmthWeight(EmotionBand band) {
        return switch (band) {
            case CALM -> 0.3;
            case UPSET -> 0.6;
            case DISTRESSED -> 1;
        };
    }

    private static void rate(RunResult.Cell cell, int score) {
        cell.satisfactionCount++;
        cell.satisfaction += score;
    }

    private RunResult.Cell cell(SimContact contact) {
        return blocks.get(Math.min(BLOCKS - 1, contact.seq / blockSize))[contact.arm.ordinal()];
    }

    private void schedule(long time, int type, SimAgent agent, Leg leg) {
        events.add(new Event(time, eventSeq++, type, agent, leg));
    }

    /** Independent streams from one seed: population, workload, exploration. */
    static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One visit of a contact to the queue: the first, or the one after a transfer. */
    private static final class Leg {
        final SimContact contact;
        final int number;
        final long enqueuedAt;
        final Set<String> excluded;
        boolean resolved;
        /** The estimate an agent must reach to take it while it is held; NaN: not held. */
        double holdFor = Double.NaN;

        long handleMillis;
        long wrapMillis;

        Leg(SimContact contact, int number, long enqueuedAt, Set<String> excluded) {
            this.contact = contact;
            this.number = number;
            this.enqueuedAt = enqueuedAt;
            this.excluded = excluded;
        }
    }

    private record Event(long time, long seq, int type, SimAgent agent, Leg leg) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }
}
