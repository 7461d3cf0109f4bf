package dev.alicia.router.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.context.client.model.Emotion;
import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.context.client.redis.StoryReader;
import dev.alicia.kit.redis.RedisKeys;
import dev.alicia.presence.client.model.ActiveContact;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.PresenceRuleViolation;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.domain.AgentFirstChoice;
import dev.alicia.router.domain.AgentRanker;
import dev.alicia.router.domain.BetterMatchHold;
import dev.alicia.router.domain.Candidate;
import dev.alicia.router.domain.Classification;
import dev.alicia.router.domain.Classifier;
import dev.alicia.router.domain.ContactFacts;
import dev.alicia.router.domain.ContactNeeds;
import dev.alicia.router.domain.DistressStreak;
import dev.alicia.router.domain.EmotionalLoadGuard;
import dev.alicia.router.domain.QueueOrder;
import dev.alicia.router.domain.Ranking;
import dev.alicia.router.domain.Scarcity;
import dev.alicia.router.domain.ScoredCandidate;
import dev.alicia.router.domain.ScoringWeights;
import dev.alicia.router.domain.Strategy;
import dev.alicia.router.domain.WaitEstimate;
import dev.alicia.router.domain.Widening;
import dev.alicia.router.domain.learning.ContactKind;
import dev.alicia.router.domain.learning.EmotionBand;
import dev.alicia.router.domain.learning.Holdout;
import dev.alicia.router.domain.learning.OutcomeLearner;
import dev.alicia.router.domain.learning.OutcomeModel;
import dev.alicia.router.messaging.ContactArrived;
import dev.alicia.router.messaging.RoutingEvent;
import dev.alicia.router.store.ContactState;
import dev.alicia.router.store.RouterStore;
import dev.alicia.router.store.SideWrites;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import org.jboss.logging.Logger;

/**
 * Takes each contact from arrival to exactly one agent. A contact is always in one place: waiting in its queue,
 * offered to one agent (who holds it in their capacity until they answer or the offer times out), or assigned.
 * Whoever takes it out of its queue (or closes its offer) is the only one who may move it on, so several router
 * instances share the work without ever handing a contact to two agents; the agent's capacity is taken with the
 * presence service's atomic primitive, so no agent is ever offered beyond it.
 */
@ApplicationScoped
public class RoutingService {

    /**
     * Agents read from the presence indexes per decision (the most proficient first when the contact's skill is
     * known); the best {@code shortlist} of them are scored in full. Reading more costs Redis time per contact.
     */
    private static final int MAX_CANDIDATES = 64;
    /** Waiting contacts looked at per queue when an agent frees up. */
    private static final int QUEUE_HEAD = 50;
    /** How many waiting contacts an agent who frees up weighs at most (each costs a few reads). */
    private static final int AGENT_FIRST_MAX = 10;
    /** How long an admitted or claimed contact may stay unoffered before the sweeper assumes its router died. */
    private static final long IN_FLIGHT_MILLIS = 10_000;
    /** How long an agent this instance tried to reserve is known to have changed since an older read. */
    private static final long RECENT_RESERVATION_MILLIS = 2_000;

    private static final Logger LOG = Logger.getLogger(RoutingService.class);
    // Where a routing decision spends its time, on /q/metrics (alicia_router_step_seconds{step=...}).
    private static final Timer ROUTE = step("route");
    private static final Timer STEP_FEATURES = step("features");
    private static final Timer STEP_ADMIT = step("admit");
    private static final Timer STEP_ELIGIBLE = step("eligible");
    private static final Timer STEP_RANK = step("rank");
    private static final Timer STEP_OFFER = step("offer");

    // How reservations fare (alicia_router_offer_attempts_total{result=...}): a CHANGED one lost its agent to
    // another contact between reading and reserving, and cost a round trip for nothing.
    private static final Map<Attempt, Counter> ATTEMPTS = new java.util.EnumMap<>(Attempt.class);

    static {
        for (Attempt attempt : Attempt.values()) {
            ATTEMPTS.put(attempt, attempts(attempt.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static final Counter SKIPPED = attempts("skipped");

    private static Counter attempts(String result) {
        return Counter.builder("alicia.router.offer.attempts")
                .description("Reservations of an agent for an offer, by what became of them")
                .tag("result", result)
                .register(Metrics.globalRegistry);
    }

    private static Attempt counted(Attempt attempt) {
        ATTEMPTS.get(attempt).increment();
        return attempt;
    }

    private static Timer step(String name) {
        return Timer.builder("alicia.router.step")
                .description("Time of one step of routing a contact")
                .tag("step", name)
                .register(Metrics.globalRegistry);
    }

    private final LivePresenceStore agents;
    private final RouterStore store;
    private final Decisions decisions;
    private final StoryReader stories;
    private final RuleBook rules;
    private final QueueStatistics statistics;
    private final RouterConfig config;
    private final Clock clock;
    private final AgentRanker ranker;
    private final EmotionalLoadGuard guard;
    private final Classifier classifier;
    private final QueueOrder order;
    private final Map<String, Widening> widenings = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, BetterMatchHold> holds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AgentFirstChoice> agentFirstChoices = new java.util.concurrent.ConcurrentHashMap<>();
    private final Learning learning;
    private final Outcomes outcomes;
    private final FloorCensus census;
    private final RecentReservations recent;

    public RoutingService(
            LivePresenceStore agents,
            RouterStore store,
            Decisions decisions,
            StoryReader stories,
            RuleBook rules,
            QueueStatistics statistics,
            RouterConfig config,
            Clock clock,
            Learning learning,
            Outcomes outcomes,
            FloorCensus census) {
        this.agents = agents;
        this.census = census;
        this.recent = new RecentReservations(clock, RECENT_RESERVATION_MILLIS);
        this.store = store;
        this.decisions = decisions;
        this.stories = stories;
        this.rules = rules;
        this.statistics = statistics;
        this.config = config;
        this.clock = clock;
        RouterConfig.Weights w = config.weights();
        this.guard = new EmotionalLoadGuard(
                config.emotionalLoad().maxInARow(),
                config.emotionalLoad().coolDown().toMillis());
        this.ranker = new AgentRanker(
                new ScoringWeights(
                        w.skill(),
                        w.fluency(),
                        w.register(),
                        w.emotion(),
                        w.affinity(),
                        w.idle(),
                        w.occupancy(),
                        w.learned(),
                        w.idleSaturation().toMillis(),
                        w.scarcity(),
                        w.opportunity()),
                guard);
        this.classifier = new Classifier(config.defaultQueue(), config.urgentBoost());
        this.order = new QueueOrder(config.priorityCredit().toMillis());
        this.learning = learning;
        this.outcomes = outcomes;
    }

    /**
     * A new contact (from Kafka or REST): classified into a queue and admitted, taken at once by this instance, then
     * offered if an agent can take it, else queued. A contact seen again (a redelivery) is left where it is: never
     * routed twice.
     */
    public void route(ContactArrived contact) {
        ROUTE.record(() -> admitAndServe(contact));
    }

    private void admitAndServe(ContactArrived contact) {
        long now = clock.millis();
        Map<String, String> features =
                STEP_FEATURES.record(() -> stories.features(contact.tenantId(), contact.customerId()));
        ContactState state = classify(contact, features, now);
        // Admitted in flight, as if claimed: offered without being queued and claimed back first.
        if (!STEP_ADMIT.record(
                () -> store.admit(state, clock.millis() + IN_FLIGHT_MILLIS, statistics.arrival(state)))) {
            LOG.debugf("contact %s of tenant %s seen again: already routed", contact.contactId(), contact.tenantId());
            return;
        }
        statistics.arrived(state);
        serve(state, true, features);
    }

    private ContactState classify(ContactArrived contact, Map<String, String> features, long now) {
        Set<String> signals = new HashSet<>();
        if ("URGENT".equals(features.get("priority"))) {
            signals.add(Classifier.URGENT);
        }
        String intent = features.getOrDefault("intent", contact.intent());
        String language = features.getOrDefault("language", contact.language());
        Classification classification = classifier.classify(
                new ContactFacts(contact.channel().name(), intent, language, contact.tier(), signals),
                rules.rules(contact.tenantId()));
        return ContactState.waiting(
                contact,
                classification.queue(),
                classification.priority(),
                classification.requiredSkills(),
                classification.rule(),
                now);
    }

    private int enqueue(ContactState state) {
        return store.enqueue(state, order.rank(state.priority(), state.queuedAt()), wideningDue(state));
    }

    /** When the sweeper must look at the waiting contact again: its next widening step, or the end of its hold. */
    private long wideningDue(ContactState state) {
        long next = widening(state.queue()).nextAfter(state.wideningApplied());
        long due = next < 0 ? -1 : state.queuedAt() + next;
        if (state.held()) {
            long release = hold(state.queue()).releaseAt(state.queuedAt());
            if (release > clock.millis() && (due < 0 || release < due)) {
                due = release;
            }
        }
        return due;
    }

    /** Closes the contact's open offer for this caller, who must then save where it went (else the sweeper will). */
    private boolean closeOffer(String tenantId, String contactId) {
        return store.closeOffer(tenantId, contactId, clock.millis() + IN_FLIGHT_MILLIS);
    }

    private boolean claim(String tenantId, String queue, String contactId) {
        return store.claim(tenantId, queue, contactId, clock.millis() + IN_FLIGHT_MILLIS);
    }

    /**
     * Contacts stranded in flight: admitted or taken from their queue by a router that died before offering them
     * (queued and served), or whose offer was closed by a caller that stopped half-way (finished here).
     */
    public int recoverInFlight(String tenantId) {
        int moved = 0;
        for (String contactId : store.inFlightDue(tenantId, clock.millis(), 100)) {
            Optional<ContactState> saved = store.find(tenantId, contactId);
            if (saved.isPresent() && saved.get().status() == ContactState.Status.ASSIGNED) {
                // Its router stopped between saving the assignment and having it on the topic (any instance may
                // announce it: it is one event).
                announceAgain(saved.get());
                moved++;
                continue;
            }
            if (saved.isPresent() && saved.get().status() == ContactState.Status.ENDED) {
                // The same, for the end of the conversation: the agent's presence waits for it to wrap up.
                announceEnd(saved.get());
                moved++;
                continue;
            }
            if (!store.leaveFlight(tenantId, contactId)) {
                continue;
            }
            Optional<ContactState> state = store.find(tenantId, contactId);
            if (state.isEmpty()) {
                continue;
            }
            switch (state.get().status()) {
                case WAITING -> {
                    enqueue(state.get());
                    serve(state.get(), false);
                    moved++;
                }
                case OFFERED -> {
                    finishClosing(state.get());
                    moved++;
                }
                default -> {
                    // it went on before its closer stopped: nothing left to do
                }
            }
        }
        return moved;
    }

    /**
     * An offer was closed (accept, reject, timeout) by a caller that stopped before saving where the contact went:
     * before, the contact stayed OFFERED with no open offer, in no queue, for good (found by restarting Redis under
     * load in adapters' FaultToleranceTest: an accept lost Redis between closing the offer and saving). If the agent
     * had accepted it, it is theirs; otherwise the reservation is released and the contact offered again.
     */
    private void finishClosing(ContactState offered) {
        String tenantId = offered.tenantId();
        boolean accepted = agents.find(tenantId, offered.agentId()).stream()
                .flatMap(agent -> agent.contacts().stream())
                .anyMatch(held -> held.contactId().equals(offered.contactId()) && !held.reserved());
        if (accepted) {
            long now = clock.millis();
            assign(offered.answered(now), now);
        } else {
            release(offered, "offer interrupted, offered again");
        }
    }

    /**
     * For each due contact this instance manages to {@code take} (only one instance does), {@code then} on its
     * state when it is still {@code expected}; returns how many were moved on.
     */
    private int takeDue(
            String tenantId,
            List<String> due,
            java.util.function.Predicate<String> take,
            ContactState.Status expected,
            java.util.function.Consumer<ContactState> then) {
        int moved = 0;
        for (String contactId : due) {
            if (!take.test(contactId)) {
                continue;
            }
            Optional<ContactState> state = store.find(tenantId, contactId);
            if (state.isPresent() && state.get().status() == expected) {
                then.accept(state.get());
                moved++;
            }
        }
        return moved;
    }

    /**
     * Contact first: takes the contact from its queue and offers it to the best agent who can take it now; with
     * nobody, puts it back in its place. {@code announce} publishes the queued event (with position and estimated
     * wait) when it has to wait.
     */
    boolean serve(ContactState waiting, boolean announce) {
        return serve(waiting, announce, null);
    }

    /** With {@code admitted} (the customer's features read on admission), the state is known fresh. */
    private boolean serve(ContactState waiting, boolean announce, Map<String, String> admitted) {
        // A contact just admitted is in flight for this caller already; a waiting one must be taken from its queue.
        if (admitted == null && !claim(waiting.tenantId(), waiting.queue(), waiting.contactId())) {
            return false;
        }
        ContactState found = admitted != null
                ? waiting
                : store.find(waiting.tenantId(), waiting.contactId()).orElse(waiting);
        ContactNeeds needs = needs(
                found,
                admitted != null
                        ? admitted
                        : stories.features(found.tenantId(), found.contact().customerId()));
        List<LiveAgent> free = STEP_ELIGIBLE.record(() -> eligible(found, needs));
        if (found.targetAgentId() != null) {
            free = free.stream()
                    .filter(a -> a.agentId().equals(found.targetAgentId()))
                    .toList();
        }
        AgentRanker.Request request = request(found, needs);
        ContactState state = found;
        List<LiveAgent> among = free;
        BetterMatchHold hold = hold(found.queue());
        if (request.strategy() == Strategy.PREDICTIVE && hold.mayHold(clock.millis() - found.queuedAt())) {
            if (found.holdFor() == null) {
                state = decideHold(found, needs, request, free, hold);
            }
            if (state.held()) {
                among = reaching(state, needs, free);
            }
        }
        ContactState decided = state;
        List<LiveAgent> candidates = among;
        Ranking ranking = STEP_RANK.record(
                () -> ranker.rank(request, candidates(decided, needs, request, candidates), config.shortlist()));
        Map<String, LiveAgent> read = new java.util.HashMap<>();
        candidates.forEach(agent -> read.put(agent.agentId(), agent));
        // Each candidate as just read: one compare-and-set each. One that changed meanwhile (another contact, often
        // of another router instance, took them: every router ranks the same best agents first) is passed over for
        // the next, instead of being read and tried again while the others wait; only if every one changed are
        // they read again, best first.
        List<ScoredCandidate> changed = new ArrayList<>();
        for (ScoredCandidate candidate : ranking.ranked()) {
            Attempt attempt = STEP_OFFER.record(
                    () -> offer(decided, needs, ranking, candidate, read.get(candidate.agentId()), null));
            if (attempt == Attempt.OFFERED) {
                return true;
            }
            if (attempt == Attempt.CHANGED) {
                changed.add(candidate);
            }
        }
        for (ScoredCandidate candidate : changed) {
            if (STEP_OFFER.record(() -> offer(decided, needs, ranking, candidate, null, null)) == Attempt.OFFERED) {
                return true;
            }
        }
        int position = enqueue(decided);
        if (announce) {
            decisions.publish(queued(decided, needs, position, ranking, hold));
        }
        return false;
    }

    /**
     * Decides, once, whether the contact waits for a better agent: the learner's mean estimates of the best free
     * agent and of the best agent who may take it but is busy now (logged in, working on its channel, among the
     * most proficient who speak its language). The decision is saved with the contact.
     */
    private ContactState decideHold(
            ContactState state,
            ContactNeeds needs,
            AgentRanker.Request request,
            List<LiveAgent> free,
            BetterMatchHold hold) {
        Set<String> freeIds = new HashSet<>();
        free.forEach(agent -> freeIds.add(agent.agentId()));
        List<LiveAgent> busy = new ArrayList<>();
        for (LiveAgent agent :
                agents.qualified(state.tenantId(), needs.language(), skillsAsked(state, needs), MAX_CANDIDATES)) {
            if (!freeIds.contains(agent.agentId())
                    && agent.channels().contains(state.contact().channel())
                    && (agent.status() == AgentStatus.AVAILABLE
                            || agent.status() == AgentStatus.BUSY
                            || agent.status() == AgentStatus.WRAP_UP)) {
                busy.add(agent);
            }
        }
        List<String> ids = new ArrayList<>(freeIds);
        busy.forEach(agent -> ids.add(agent.agentId()));
        Map<String, Double> means = means(state, needs, ids);
        double threshold = hold.threshold(
                ranker.bestEstimate(request, withMeans(free, means)),
                ranker.bestEstimate(request, withMeans(busy, means)));
        ContactState decided = state.holding(Double.isNaN(threshold) ? -1 : threshold);
        store.save(decided);
        return decided;
    }

    /** The free agents a held contact may go to: those expected to reach what it is held for. */
    private List<LiveAgent> reaching(ContactState held, ContactNeeds needs, List<LiveAgent> free) {
        if (free.isEmpty()) {
            return free;
        }
        Map<String, Double> means =
                means(held, needs, free.stream().map(LiveAgent::agentId).toList());
        BetterMatchHold hold = hold(held.queue());
        long waited = clock.millis() - held.queuedAt();
        return free.stream()
                .filter(agent -> hold.accepts(held.holdFor(), means.get(agent.agentId()), waited))
                .toList();
    }

    /** The learner's posterior means (no exploration) of each agent for this contact. */
    private Map<String, Double> means(ContactState state, ContactNeeds needs, List<String> agentIds) {
        ContactKind kind = ContactKind.of(
                needs, state.contact().channel().name(), state.contact().tier());
        Map<String, Double> means = new java.util.HashMap<>();
        learning.learner(state.tenantId())
                .estimates(kind, agentIds)
                .forEach((agentId, estimate) -> means.put(agentId, estimate.value()));
        return means;
    }

    /** An agent as the ranker sees them: their profile and live state, their run of distressed contacts, an estimate. */
    private static Candidate candidate(LiveAgent agent, DistressStreak streak, Double estimate) {
        return new Candidate(
                agent.agentId(),
                agent.languages(),
                agent.skills(),
                agent.strengths(),
                agent.idleSince(),
                agent.occupancy(),
                streak,
                estimate);
    }

    private static List<Candidate> withMeans(List<LiveAgent> live, Map<String, Double> means) {
        List<Candidate> candidates = new ArrayList<>(live.size());
        for (LiveAgent agent : live) {
            candidates.add(candidate(agent, DistressStreak.NONE, means.get(agent.agentId())));
        }
        return candidates;
    }

    /** A queue's hold for a better agent, from its settings, built once per queue. */
    private BetterMatchHold hold(String queue) {
        return holds.computeIfAbsent(queue, name -> {
            RouterConfig.QueueSettings settings = statistics.settings(name);
            return settings.betterMatchWait().isZero()
                    ? BetterMatchHold.NONE
                    : new BetterMatchHold(settings.betterMatchWait().toMillis(), settings.betterMatchMargin());
        });
    }

    /**
     * Who can take the contact now. Without skills required by the queue, the agents who have the contact's skill
     * are read first, most proficient first, so that the best are among those read; then anyone who speaks the
     * language.
     */
    private List<LiveAgent> eligible(ContactState state, ContactNeeds needs) {
        Map<String, Integer> required = state.requiredSkills();
        if (required.isEmpty() && needs.intent() != null && RedisKeys.safe(needs.intent())) {
            List<LiveAgent> skilled = agents.eligible(
                    state.tenantId(),
                    state.contact().channel(),
                    needs.language(),
                    Map.of(needs.intent(), 1),
                    MAX_CANDIDATES);
            if (skilled.size() >= config.shortlist()) {
                return skilled;
            }
        }
        return agents.eligible(state.tenantId(), state.contact().channel(), needs.language(), required, MAX_CANDIDATES);
    }

    /**
     * Agent first: an agent has room again (their presence changed, or an offer to them was released). Takes the
     * waiting contacts they can serve, across the tenant's queues, until the agent has no room left: in the order
     * contacts are served, except that on a PREDICTIVE queue, among those close to the front, the agent takes the
     * one the learner expects them to do best with compared with an average agent ({@link AgentFirstChoice}).
     */
    public void serveAgent(String tenantId, String agentId) {
        // Most of the time nobody waits: one round trip, and the agent is not even read.
        Set<String> queues = store.waitingQueues(tenantId);
        if (queues.isEmpty()) {
            return;
        }
        Optional<LiveAgent> found = agents.find(tenantId, agentId);
        if (found.isEmpty() || found.get().routableChannels().isEmpty()) {
            return;
        }
        List<Waiting> waiting = new ArrayList<>();
        for (String queue : queues) {
            for (ScoredValue<String> entry : store.head(tenantId, queue, QUEUE_HEAD)) {
                waiting.add(new Waiting(queue, entry.value(), entry.score()));
            }
        }
        waiting.sort(Comparator.comparingDouble(Waiting::rank));
        LiveAgent agent = found.get();
        // An agent the learner knows nothing of yet does equally well with everything: nothing to choose, and no
        // contact behind the first is read.
        boolean chooses = learning.learner(tenantId).knows(agentId);
        while (!waiting.isEmpty()) {
            List<Takeable> takeable = takeable(waiting, agent, chooses);
            if (takeable.isEmpty()) {
                return;
            }
            AgentFirstChoice choice = agentFirst(takeable.get(0).state().queue());
            int index = choice.choose(takeable.stream().map(Takeable::option).toList());
            Takeable chosen = takeable.get(index);
            String why = index == 0
                    ? null
                    : String.format(
                            java.util.Locale.ROOT,
                            "agent first: %s freed up and took it before %d contact(s) waiting ahead of it that they"
                                    + " may take, expected %+.0f points over an average agent on it, %+.0f on the"
                                    + " first",
                            agentId,
                            index,
                            chosen.option().advantage() * 100,
                            takeable.get(0).option().advantage() * 100);
            waiting.remove(chosen.waiting());
            if (!claim(tenantId, chosen.waiting().queue(), chosen.waiting().contactId())) {
                continue; // another instance took it: choose again among the others
            }
            ContactState claimed =
                    store.find(tenantId, chosen.waiting().contactId()).orElse(chosen.state());
            Ranking ranking = chosen.ranking();
            Attempt attempt =
                    offer(claimed, chosen.needs(), ranking, ranking.ranked().get(0), agent, why);
            if (attempt == Attempt.CHANGED) {
                attempt =
                        offer(claimed, chosen.needs(), ranking, ranking.ranked().get(0), null, why);
            }
            if (attempt != Attempt.OFFERED) {
                enqueue(claimed);
                return;
            }
            // The agent changed by taking it: read them again to know what room is left.
            agent = agents.find(tenantId, agentId).orElse(null);
            if (agent == null || agent.routableChannels().isEmpty()) {
                return;
            }
        }
    }

    /**
     * The waiting contacts, in the order served, that the agent may take now, as far as the choice among them
     * reaches (only the first when it does not choose, or {@code chooses} is false); those the agent may not take
     * are dropped from {@code waiting}.
     */
    private List<Takeable> takeable(List<Waiting> waiting, LiveAgent agent, boolean chooses) {
        List<Takeable> takeable = new ArrayList<>();
        AgentFirstChoice choice = AgentFirstChoice.OFF;
        long now = clock.millis();
        for (java.util.Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting next = it.next();
            Optional<ContactState> state = store.find(agent.tenantId(), next.contactId());
            if (state.isEmpty()
                    || !agent.canTake(state.get().contact().channel())
                    || (state.get().targetAgentId() != null
                            && !state.get().targetAgentId().equals(agent.agentId()))) {
                it.remove();
                continue;
            }
            ContactNeeds needs = needs(state.get());
            AgentRanker.Request request = request(state.get(), needs);
            if (request.strategy() == Strategy.PREDICTIVE
                    && state.get().held()
                    && hold(state.get().queue()).mayHold(now - state.get().queuedAt())
                    && reaching(state.get(), needs, List.of(agent)).isEmpty()) {
                it.remove();
                continue; // held for an agent expected to do clearly better than this one
            }
            Ranking ranking = ranker.rank(request, candidates(state.get(), needs, request, List.of(agent)), 1);
            if (ranking.ranked().isEmpty()) {
                it.remove();
                continue;
            }
            boolean first = takeable.isEmpty();
            String queue =
                    first ? state.get().queue() : takeable.get(0).waiting().queue();
            if (first && chooses) {
                choice = agentFirst(queue);
            }
            // Weighed by what the agent would gain on it: a contact of the first one's PREDICTIVE queue (the choice is
            // on only there) that anyone may take; any other ends what is weighed (its turn is kept).
            boolean weighed = choice.enabled()
                    && request.strategy() == Strategy.PREDICTIVE
                    && state.get().targetAgentId() == null
                    && next.queue().equals(queue);
            AgentFirstChoice.Option option = new AgentFirstChoice.Option(
                    state.get().priority(),
                    next.rank(),
                    now - state.get().queuedAt(),
                    weighed ? advantage(state.get(), needs, agent.agentId()) : Double.NaN);
            if (!first && !choice.weighs(takeable.get(0).option(), option, takeable.size())) {
                break;
            }
            takeable.add(new Takeable(next, state.get(), needs, ranking, option));
            if (first && !choice.weighs(option)) {
                break; // nothing to weigh against it: it is taken in its turn
            }
        }
        return takeable;
    }

    /** What the learner expects this agent to gain on the contact over an average agent (its posterior mean). */
    private double advantage(ContactState state, ContactNeeds needs, String agentId) {
        ContactKind kind = ContactKind.of(
                needs, state.contact().channel().name(), state.contact().tier());
        return learning.learner(state.tenantId())
                .estimates(kind, List.of(agentId))
                .get(agentId)
                .advantage();
    }

    /** A PREDICTIVE queue's choice for an agent who frees up; strict queue order on the others. */
    private AgentFirstChoice agentFirst(String queue) {
        return agentFirstChoices.computeIfAbsent(queue, name -> {
            RouterConfig.QueueSettings settings = statistics.settings(name);
            Duration window = settings.agentFirstWindow();
            return window.isZero() || settings.strategy() != Strategy.PREDICTIVE
                    ? AgentFirstChoice.OFF
                    : new AgentFirstChoice(window.toMillis(), AGENT_FIRST_MAX);
        });
    }

    /** A waiting contact the agent may take, with what was read to decide it. */
    private record Takeable(
            Waiting waiting, ContactState state, ContactNeeds needs, Ranking ranking, AgentFirstChoice.Option option) {}

    /** The skills that select the agents read for a contact: the queue's, else the contact's intent at any level. */
    private static Map<String, Integer> skillsAsked(ContactState state, ContactNeeds needs) {
        if (!state.requiredSkills().isEmpty()) {
            return state.requiredSkills();
        }
        return needs.intent() != null && RedisKeys.safe(needs.intent()) ? Map.of(needs.intent(), 1) : Map.of();
    }

    private record Waiting(String queue, String contactId, double rank) {}

    /** What became of an attempt to offer the contact to one agent. */
    private enum Attempt {
        OFFERED,
        /** The agent changed since {@code read}: not tried again (the caller may, reading them afresh). */
        CHANGED,
        /** The agent cannot take it (no room any more, gone). */
        REFUSED
    }

    /**
     * Reserves the agent's capacity until the offer's deadline. With the agent as {@code read}, one compare-and-set;
     * without ({@code null}), the agent is read and the reservation retried until it holds or is refused. {@code why}
     * says why this contact went before others waiting (agent first), else null.
     */
    private Attempt offer(
            ContactState state,
            ContactNeeds needs,
            Ranking ranking,
            ScoredCandidate chosen,
            LiveAgent read,
            String why) {
        long now = clock.millis();
        long deadline = now + config.offerTimeout().toMillis();
        String agentId = chosen.agentId();
        // An auto-answer queue's agents take every contact: reserved and accepted in the same compare-and-set.
        boolean autoAnswer = statistics.settings(state.queue()).autoAnswer();
        java.util.function.UnaryOperator<LiveAgent> take = agent -> {
            LiveAgent reserved =
                    agent.reserve(state.contactId(), state.contact().channel(), deadline);
            return autoAnswer ? reserved.accept(state.contactId()) : reserved;
        };
        try {
            if (read != null) {
                if (recent.changedSince(read)) {
                    SKIPPED.increment(); // CHANGED without asking Redis: another contact just took them
                    return Attempt.CHANGED;
                }
                LiveAgent reserved = take.apply(read); // may refuse (no room): nothing is written then
                recent.attempting(read);
                if (agents.compareAndSet(read, reserved).isEmpty()) {
                    return counted(Attempt.CHANGED);
                }
            } else if (agents.update(state.tenantId(), agentId, take).isEmpty()) {
                return counted(Attempt.REFUSED);
            }
        } catch (PresenceRuleViolation taken) {
            return counted(Attempt.REFUSED);
        }
        if (strategy(state.queue()) == Strategy.ROUND_ROBIN) {
            store.roundRobinCursor(state.tenantId(), state.queue(), agentId);
        }
        RoutingEvent event = new RoutingEvent(
                UUID.randomUUID().toString(),
                RoutingEvent.Type.CONTACT_OFFERED,
                state.tenantId(),
                state.contactId(),
                state.contact().customerId(),
                state.contact().channel(),
                state.queue(),
                state.priority(),
                agentId,
                chosen.score(),
                ranking.strategy(),
                arm(state),
                chosen.factors(),
                ranking.runnersUp(agentId, 3),
                null,
                null,
                why,
                needs.language(),
                needs.intent(),
                EmotionBand.of(needs).name(),
                null,
                Instant.ofEpochMilli(now));
        ContactState offered = state.offered(agentId, event);
        if (autoAnswer) {
            assign(offered.answered(now), now);
            return counted(Attempt.OFFERED);
        }
        store.offer(offered, deadline);
        decisions.publish(event.then(RoutingEvent.Type.CONTACT_OFFERED, brief(offered), event.occurredAt()));
        return counted(Attempt.OFFERED);
    }

    /** The agent answers the offer: the contact is theirs, with the brief as it stands now. */
    public RoutingEvent accept(String tenantId, String contactId, String agentId) {
        ContactState state = store.find(tenantId, contactId).orElseThrow(() -> RoutingProblems.unknown(contactId));
        if (state.status() == ContactState.Status.ASSIGNED && agentId.equals(state.agentId())) {
            // A retried accept: the first may have stopped between saving the assignment and announcing it (Redis
            // lost under it).
            return announceAgain(state);
        }
        if (state.status() != ContactState.Status.OFFERED || !agentId.equals(state.agentId())) {
            throw RoutingProblems.notOfferedTo(contactId, agentId);
        }
        if (!closeOffer(tenantId, contactId)) {
            throw RoutingProblems.offerClosed(contactId);
        }
        long now = clock.millis();
        agents.update(tenantId, agentId, agent -> agent.accept(contactId));
        return assign(state.answered(now), now);
    }

    /**
     * Saves the assignment and announces it. The contact stays in flight until the broker has the announcement
     * (waited for), so that should this router stop before, the sweeper announces it: a Kafka acknowledgement and a
     * Redis call per assignment.
     */
    private RoutingEvent assign(ContactState assigned, long now) {
        // The agent's run of distressed contacts and the queue's counters are saved with the assignment itself.
        store.saveInFlight(assigned, now + IN_FLIGHT_MILLIS, answering(assigned, now));
        statistics.answered(assigned, now - assigned.queuedAt());
        RoutingEvent event = assignment(assigned, now);
        decisions.publish(event);
        return outOfFlight(assigned, event);
    }

    /** An assignment already saved, announced again as the same event, then out of flight. */
    private RoutingEvent announceAgain(ContactState assigned) {
        RoutingEvent event = assignment(assigned, assigned.answeredAt());
        decisions.publish(event);
        return outOfFlight(assigned, event);
    }

    private RoutingEvent outOfFlight(ContactState assigned, RoutingEvent event) {
        decisions.flush();
        store.leaveFlight(assigned.tenantId(), assigned.contactId());
        return event;
    }

    /** What an assignment changes beside the contact: the emotional-load guard's count, the queue's statistics. */
    private SideWrites answering(ContactState assigned, long now) {
        String tenantId = assigned.tenantId();
        String agentId = assigned.agentId();
        // How the customer felt is on the offer (no need to read the context again); a calm contact ends any run
        // of distressed ones, so only a distressed one needs the agent's run read first.
        String band = assigned.offer().emotionBand();
        boolean distressed = band != null
                ? EmotionBand.DISTRESSED.name().equals(band)
                : needs(assigned).distressed();
        DistressStreak before = distressed
                ? store.streaks(tenantId, List.of(agentId)).getOrDefault(agentId, DistressStreak.NONE)
                : DistressStreak.NONE;
        return store.streak(tenantId, agentId, guard.after(before, distressed, now))
                .and(statistics.answer(assigned, now - assigned.queuedAt()));
    }

    /** The assignment as announced; its id follows from the offer's, so announcing it twice is one event. */
    private RoutingEvent assignment(ContactState assigned, long at) {
        String id = UUID.nameUUIDFromBytes((assigned.offer().eventId() + "/CONTACT_ASSIGNED")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        return assigned.offer().then(RoutingEvent.Type.CONTACT_ASSIGNED, brief(assigned), Instant.ofEpochMilli(at), id);
    }

    /** The agent turns the offer down: released, and offered to the next best agent (never back to them). */
    public void reject(String tenantId, String contactId, String agentId, String reason) {
        ContactState state = store.find(tenantId, contactId).orElseThrow(() -> RoutingProblems.unknown(contactId));
        if (state.status() != ContactState.Status.OFFERED || !agentId.equals(state.agentId())) {
            throw RoutingProblems.notOfferedTo(contactId, agentId);
        }
        if (!closeOffer(tenantId, contactId)) {
            throw RoutingProblems.offerClosed(contactId);
        }
        release(state, "rejected" + (reason == null || reason.isBlank() ? "" : ": " + reason));
    }

    /** Offers past their deadline (the agent did not answer, or their router died) go to the next agent. */
    public int expireOffers(String tenantId) {
        return takeDue(
                tenantId,
                store.offersDue(tenantId, clock.millis(), 100),
                contactId -> closeOffer(tenantId, contactId),
                ContactState.Status.OFFERED,
                state -> release(
                        state, "no answer within " + config.offerTimeout().toSeconds() + " s"));
    }

    private void release(ContactState offered, String reason) {
        long now = clock.millis();
        String agentId = offered.agentId();
        agents.update(offered.tenantId(), agentId, agent -> agent.release(offered.contactId(), now));
        decisions.publish(event(offered, RoutingEvent.Type.OFFER_RELEASED, agentId, reason, now));
        ContactState again = offered.declined(agentId);
        store.save(again);
        enqueue(again);
        serve(again, true);
        serveAgent(offered.tenantId(), agentId);
    }

    /**
     * Releases reservations nobody would ever close. A router that dies between reserving the agent (the presence
     * compare-and-set) and opening the offer ({@code offer.lua}) leaves the agent holding a contact that is
     * recovered from in flight and offered elsewhere: without this the agent stayed BUSY for good (found by killing
     * a router mid-load in adapters' FaultToleranceTest). A reservation past its deadline by the in-flight delay,
     * with no open offer, is such an orphan; one with an open offer is left to {@link #expireOffers}.
     */
    public int releaseOrphanedReservations(String tenantId) {
        long now = clock.millis();
        int released = 0;
        for (LiveAgent agent : agents.all(tenantId)) {
            Set<String> orphans = new HashSet<>();
            for (ActiveContact held : agent.contacts()) {
                if (held.reserved()
                        && held.reservedUntil() + IN_FLIGHT_MILLIS < now
                        && !store.offerOpen(tenantId, held.contactId())) {
                    orphans.add(held.contactId());
                }
            }
            if (orphans.isEmpty()) {
                continue;
            }
            agents.update(tenantId, agent.agentId(), live -> {
                LiveAgent freed = live;
                for (ActiveContact held : live.contacts()) {
                    if (held.reserved() && orphans.contains(held.contactId())) {
                        freed = freed.release(held.contactId(), now);
                    }
                }
                return freed;
            });
            for (String contactId : orphans) {
                LOG.infof(
                        "released agent %s's reservation of contact %s: its offer never opened",
                        agent.agentId(), contactId);
                // Said on routing.events so that the presence service announces the agent's new state.
                store.find(tenantId, contactId)
                        .ifPresent(state -> decisions.publish(event(
                                state,
                                RoutingEvent.Type.OFFER_RELEASED,
                                agent.agentId(),
                                "reservation released: its router stopped before offering",
                                now)));
            }
            released += orphans.size();
            serveAgent(tenantId, agent.agentId());
        }
        return released;
    }

    /** Applies the widening steps that fell due for waiting contacts, then tries them again. */
    public int widen(String tenantId) {
        int widened = 0;
        long now = clock.millis();
        for (String contactId : store.wideningDue(tenantId, now, 100)) {
            Optional<ContactState> found = store.find(tenantId, contactId);
            if (found.isEmpty() || found.get().status() != ContactState.Status.WAITING) {
                store.wideningNext(tenantId, contactId, -1);
                continue;
            }
            ContactState state = found.get();
            if (!claim(tenantId, state.queue(), contactId)) {
                continue;
            }
            Widening widening = widening(state.queue());
            List<Widening.Step> due = widening.due(now - state.queuedAt(), state.wideningApplied());
            Map<String, Integer> skills =
                    Widening.apply(state.requiredSkills(), due, queue -> rules.skillsOf(tenantId, queue));
            boolean callback = due.stream().anyMatch(s -> s.action() == Widening.Action.OFFER_CALLBACK);
            ContactState wider = state.widened(state.wideningApplied() + due.size(), skills, callback);
            store.save(wider);
            for (Widening.Step step : due) {
                decisions.publish(event(
                        wider,
                        step.action() == Widening.Action.OFFER_CALLBACK
                                ? RoutingEvent.Type.CALLBACK_OFFERED
                                : RoutingEvent.Type.QUEUE_WIDENED,
                        null,
                        describe(step, skills),
                        now));
            }
            enqueue(wider);
            serve(wider, false);
            widened++;
        }
        return widened;
    }

    private static String describe(Widening.Step step, Map<String, Integer> skills) {
        return switch (step.action()) {
            case RELAX_SKILLS -> "after " + step.afterMillis() / 1000 + " s: skills relaxed to " + skills;
            case OVERFLOW ->
                "after " + step.afterMillis() / 1000 + " s: overflow to " + step.overflowQueue() + ", skills now "
                        + skills;
            case OFFER_CALLBACK -> "after " + step.afterMillis() / 1000 + " s: callback offered";
        };
    }

    /** The customer left while waiting or being offered: taken out, the agent's capacity freed. */
    public void abandon(String tenantId, String contactId) {
        ContactState state = store.find(tenantId, contactId).orElseThrow(() -> RoutingProblems.unknown(contactId));
        long now = clock.millis();
        if (state.status() == ContactState.Status.WAITING && claim(tenantId, state.queue(), contactId)) {
            abandoned(state, null, now);
        } else if (state.status() == ContactState.Status.OFFERED && closeOffer(tenantId, contactId)) {
            agents.update(tenantId, state.agentId(), agent -> agent.release(contactId, now));
            abandoned(state, state.agentId(), now);
            serveAgent(tenantId, state.agentId());
        } else {
            throw RoutingProblems.notWaiting(contactId, state.status().name());
        }
    }

    /** The conversation is over: the agent wraps up (the presence service moves them on). */
    public void end(String tenantId, String contactId, String agentId, String outcome) {
        ContactState state = store.find(tenantId, contactId).orElseThrow(() -> RoutingProblems.unknown(contactId));
        if (state.status() == ContactState.Status.ENDED && agentId.equals(state.agentId())) {
            // A retried end: the first may have saved the end and lost Redis before announcing it (its reply lost
            // with the connection), and the agent's presence waits for the announcement to wrap up.
            announceEnd(state);
            return;
        }
        if (state.status() != ContactState.Status.ASSIGNED || !agentId.equals(state.agentId())) {
            throw RoutingProblems.notAssignedTo(contactId, agentId);
        }
        long now = clock.millis();
        // The event is saved with the state: announced again (a retried end, the sweeper), it is the same event,
        // outcome and time included; the handle time is counted with it, so a retried end does not count twice.
        ContactState ended = state.ended(event(state, RoutingEvent.Type.CONTACT_ENDED, agentId, outcome, now));
        if (!store.saveInFlightIf(
                state, ended, now + IN_FLIGHT_MILLIS, statistics.handling(state, now - state.answeredAt()))) {
            // Another end (a double click) or a transfer moved it on since it was read: what it is now decides.
            ContactState moved = store.find(tenantId, contactId).orElseThrow(() -> RoutingProblems.unknown(contactId));
            if (moved.status() == ContactState.Status.ENDED && agentId.equals(moved.agentId())) {
                announceEnd(moved);
                return;
            }
            throw RoutingProblems.notAssignedTo(contactId, agentId);
        }
        announceEnd(ended);
    }

    /** Announces the end as it was saved, then takes the contact out of flight. */
    private void announceEnd(ContactState ended) {
        if (ended.ended() != null) {
            decisions.publish(ended.ended());
        } // else ended before ends were saved with their event, and announced then
        outOfFlight(ended, ended.ended());
    }

    /**
     * The agent sends the contact on, to another queue or to a named agent, with a reason. The contact keeps its
     * id, its story and its place in time; the transfer joins the story, and the next agent's brief tells of it.
     */
    public void transfer(
            String tenantId, String contactId, String agentId, String toQueue, String toAgentId, String reason) {
        ContactState state = store.find(tenantId, contactId).orElseThrow(() -> RoutingProblems.unknown(contactId));
        if (state.status() != ContactState.Status.ASSIGNED || !agentId.equals(state.agentId())) {
            throw RoutingProblems.notAssignedTo(contactId, agentId);
        }
        long now = clock.millis();
        String queue = toQueue != null ? toQueue : state.queue();
        ContactState moved = state.transferred(
                queue,
                state.priority(),
                queue.equals(state.queue()) ? state.requiredSkills() : rules.skillsOf(tenantId, queue),
                "transfer",
                agentId,
                toAgentId,
                now);
        StoryEvent note = decisions.transferNote(moved, agentId, reason, now);
        // Only if it is still this agent's: an end (or another transfer) that got there first wins.
        if (!store.saveIf(state, moved.noting(note))) {
            throw RoutingProblems.notAssignedTo(contactId, agentId);
        }
        decisions.tell(tenantId, note);
        // The agent who sends the contact on did not resolve it: the learner hears so at once.
        outcomes.record(state, new Outcomes.Report(agentId, false, null, true, null, null));
        decisions.publish(event(
                moved,
                RoutingEvent.Type.CONTACT_TRANSFERRED,
                agentId,
                reason + " → " + (toAgentId != null ? "agent " + toAgentId : "queue " + queue),
                now));
        enqueue(moved);
        serve(moved, true);
    }

    private RoutingEvent event(ContactState state, RoutingEvent.Type type, String agentId, String reason, long at) {
        return new RoutingEvent(
                UUID.randomUUID().toString(),
                type,
                state.tenantId(),
                state.contactId(),
                state.contact().customerId(),
                state.contact().channel(),
                state.queue(),
                state.priority(),
                agentId,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                reason,
                null,
                null,
                null,
                null,
                Instant.ofEpochMilli(at));
    }

    /** Saves the contact abandoned (counted with it), announces it, and counts it in this instance's metrics. */
    private void abandoned(ContactState state, String agentId, long now) {
        store.settle(state.with(ContactState.Status.ABANDONED, agentId), statistics.abandonment(state));
        decisions.publish(event(state, RoutingEvent.Type.CONTACT_ABANDONED, agentId, null, now));
        statistics.abandoned(state);
    }

    private RoutingEvent queued(
            ContactState state, ContactNeeds needs, int position, Ranking ranking, BetterMatchHold hold) {
        int staffed = Math.max(1, ranking.ranked().size() + ranking.excluded().size());
        long estimate =
                WaitEstimate.millis(position, staffed, statistics.averageHandleMillis(state.tenantId(), state.queue()));
        String skills = state.requiredSkills().isEmpty()
                ? ""
                : " with "
                        + state.requiredSkills().entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> e.getKey() + " ≥ " + e.getValue())
                                .reduce((a, b) -> a + ", " + b)
                                .orElseThrow();
        String why = hold != null && state.held()
                ? String.format(
                        java.util.Locale.ROOT,
                        "held up to %d s for an agent expected to do clearly better with it (estimate ≥ %.2f)"
                                + " than those free now",
                        hold.maxWaitMillis() / 1000,
                        state.holdFor())
                : ranking.excluded().isEmpty()
                        ? "no agent" + (needs.language() == null ? "" : " who speaks " + needs.language()) + skills
                                + " has room on " + state.contact().channel() + " now"
                        : "no agent can take it now; e.g. "
                                + ranking.excluded().get(0).agentId() + ": "
                                + ranking.excluded().get(0).reason();
        return new RoutingEvent(
                UUID.randomUUID().toString(),
                RoutingEvent.Type.CONTACT_QUEUED,
                state.tenantId(),
                state.contactId(),
                state.contact().customerId(),
                state.contact().channel(),
                state.queue(),
                state.priority(),
                null,
                null,
                ranking.strategy(),
                arm(state),
                List.of(),
                List.of(),
                position,
                estimate / 1000,
                why,
                needs.language(),
                needs.intent(),
                EmotionBand.of(needs).name(),
                null,
                Instant.ofEpochMilli(clock.millis()));
    }

    /** Where the contact stands, with its live position and estimated wait while it waits. */
    public Optional<ContactView> view(String tenantId, String contactId) {
        return store.find(tenantId, contactId).map(state -> {
            Integer position = null;
            Long estimate = null;
            if (state.status() == ContactState.Status.WAITING) {
                position = store.position(tenantId, state.queue(), contactId).orElse(null);
                if (position != null) {
                    estimate = WaitEstimate.millis(position, 1, statistics.averageHandleMillis(tenantId, state.queue()))
                            / 1000;
                }
            }
            return new ContactView(
                    contactId,
                    state.status().name(),
                    state.queue(),
                    state.priority(),
                    state.agentId(),
                    position,
                    estimate,
                    state.transfers(),
                    decisions.history(tenantId, contactId));
        });
    }

    /** A contact as REST shows it: its state now and every decision taken about it, in order. */
    public record ContactView(
            String contactId,
            String status,
            String queue,
            int priority,
            String agentId,
            Integer position,
            Long estimatedWaitSeconds,
            int transfers,
            List<RoutingEvent> decisions) {}

    /** The customer's context wins over the adapter's hints: it is what the bot actually understood. */
    private ContactNeeds needs(ContactState state) {
        return needs(state, stories.features(state.tenantId(), state.contact().customerId()));
    }

    private ContactNeeds needs(ContactState state, Map<String, String> features) {
        ContactArrived contact = state.contact();
        Emotion emotion = features.containsKey("emotion") ? Emotion.valueOf(features.get("emotion")) : null;
        double intensity =
                features.containsKey("emotionIntensity") ? Double.parseDouble(features.get("emotionIntensity")) : 0;
        return new ContactNeeds(
                features.getOrDefault("language", contact.language()),
                features.get("register"),
                features.getOrDefault("intent", contact.intent()),
                state.requiredSkills(),
                emotion,
                intensity,
                features.get("lastResolvedBy"),
                features.get("lastAgent"));
    }

    /** The A/B arm of a contact of a predictive queue (null elsewhere: no experiment there). */
    private String arm(ContactState state) {
        return strategy(state.queue()) == Strategy.PREDICTIVE
                ? learning.holdout(state.queue()).arm(state.contactId()).name()
                : null;
    }

    private AgentRanker.Request request(ContactState state, ContactNeeds needs) {
        Holdout holdout = learning.holdout(state.queue());
        Strategy strategy = holdout.strategyFor(holdout.arm(state.contactId()), strategy(state.queue()));
        String cursor = strategy == Strategy.ROUND_ROBIN
                ? store.roundRobinCursor(state.tenantId(), state.queue()).orElse(null)
                : null;
        // Only predictive ranking weighs scarcity; the baselines must stay what they are.
        Scarcity scarcity = strategy == Strategy.PREDICTIVE ? census.of(state.tenantId()) : Scarcity.NONE;
        return new AgentRanker.Request(needs, strategy, state.declinedBy(), cursor, clock.millis(), scarcity);
    }

    /** The candidates, with what the learner expects of each for this kind of contact when the strategy uses it. */
    private List<Candidate> candidates(
            ContactState state, ContactNeeds needs, AgentRanker.Request request, List<LiveAgent> live) {
        List<Candidate> candidates = candidates(state.tenantId(), live);
        if (request.strategy() != Strategy.PREDICTIVE || candidates.isEmpty()) {
            return candidates;
        }
        ContactKind kind = ContactKind.of(
                needs, state.contact().channel().name(), state.contact().tier());
        OutcomeLearner learner = learning.learner(state.tenantId());
        if (learning.explores(state.tenantId())) {
            return learner.withEstimates(kind, candidates, ThreadLocalRandom.current());
        }
        Map<String, OutcomeModel.Estimate> means = learner.estimates(
                kind, candidates.stream().map(Candidate::agentId).toList());
        return candidates.stream()
                .map(c -> c.withOutcomeEstimate(
                        means.get(c.agentId()).value(), means.get(c.agentId()).edge()))
                .toList();
    }

    private List<Candidate> candidates(String tenantId, List<LiveAgent> live) {
        Map<String, DistressStreak> streaks =
                store.streaks(tenantId, live.stream().map(LiveAgent::agentId).toList());
        List<Candidate> candidates = new ArrayList<>(live.size());
        for (LiveAgent agent : live) {
            candidates.add(candidate(agent, streaks.getOrDefault(agent.agentId(), DistressStreak.NONE), null));
        }
        return candidates;
    }

    private Strategy strategy(String queue) {
        return statistics.settings(queue).strategy();
    }

    /** A queue's widening steps, built from configuration once per queue. */
    private Widening widening(String queue) {
        return widenings.computeIfAbsent(
                queue,
                name -> statistics
                        .settings(name)
                        .widening()
                        .map(steps -> new Widening(steps.stream()
                                .map(step -> new Widening.Step(
                                        step.after().toMillis(),
                                        step.action(),
                                        step.minimumLevel(),
                                        step.overflowQueue().orElse(null)))
                                .toList()))
                        .orElse(Widening.NONE));
    }

    private HandoffBrief brief(ContactState state) {
        return decisions.brief(state, Instant.ofEpochMilli(clock.millis()));
    }
}
