package dev.alicia.router.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.presence.client.model.ActiveContact;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.messaging.AgentStateChanged;
import dev.alicia.router.messaging.RoutingEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import org.jboss.logging.Logger;

/**
 * The live streams of the pages the router serves. A wallboard follows its tenant: queue and agent figures when
 * they change (read every {@code alicia.ui.wallboard-interval}) and every routing decision as it is published. An
 * agent's desk follows that agent: the decisions about them (offers with the brief, assignments, releases) and
 * their presence. Decisions and presence come from this instance's own live consumers of the topics, so every
 * instance serves every browser whichever instance decided.
 */
@ApplicationScoped
public class LiveFeeds {

    private static final Logger LOG = Logger.getLogger(LiveFeeds.class);

    /** Events held for a browser that reads slower than they come; past that its stream ends and it reconnects. */
    private static final int BUFFER = 512;

    /** A named event of a live stream, its data already JSON. */
    public record LiveEvent(String name, String json) {}

    /** An agent's presence as their desk shows it; the highest version wins when two sources race. */
    public record Presence(
            String agentId,
            AgentStatus status,
            String breakReason,
            Map<Channel, Integer> load,
            Set<Channel> routableChannels,
            long version) {}

    private final Wallboard wallboard;
    private final Decisions decisions;
    private final LivePresenceStore agents;
    private final LiveViewsConfig config;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService timer;
    private final Map<String, Set<MultiEmitter<? super LiveEvent>>> wallboards = new ConcurrentHashMap<>();
    private final Map<String, Set<MultiEmitter<? super LiveEvent>>> desks = new ConcurrentHashMap<>();
    private final Map<String, String> lastFigures = new ConcurrentHashMap<>();
    /** Open streams (wallboards and desks) per tenant: the records of other tenants are not even decoded. */
    private final Map<String, Integer> viewers = new ConcurrentHashMap<>();

    private volatile long lastHeartbeat = System.nanoTime();

    public LiveFeeds(
            Wallboard wallboard,
            Decisions decisions,
            LivePresenceStore agents,
            LiveViewsConfig config,
            ObjectMapper mapper) {
        this.wallboard = wallboard;
        this.decisions = decisions;
        this.agents = agents;
        this.config = config;
        this.mapper = mapper;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-views");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.wallboardInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The tenant's wallboard: figures and the latest decisions at once, then every change. */
    public Multi<LiveEvent> wallboard(String tenantId) {
        return Multi.createFrom()
                .emitter(
                        emitter -> {
                            join(wallboards, tenantId, tenantId, emitter);
                            timer.execute(() -> greetWallboard(tenantId, emitter));
                        },
                        BUFFER);
    }

    /** One agent's desk: their presence and the contacts they hold at once, then every change. */
    public Multi<LiveEvent> desk(String tenantId, String agentId) {
        return Multi.createFrom()
                .emitter(
                        emitter -> {
                            join(desks, deskKey(tenantId, agentId), tenantId, emitter);
                            timer.execute(() -> greetDesk(tenantId, agentId, emitter));
                        },
                        BUFFER);
    }

    /**
     * Whether anyone watches the tenant of a record keyed {@code <tenantId>:<id>} (routing.events and
     * agent.presence both are): if not, the live consumers skip it undecoded.
     */
    public boolean watches(String recordKey) {
        int colon = recordKey == null ? -1 : recordKey.indexOf(':');
        return colon > 0 && viewers.containsKey(recordKey.substring(0, colon));
    }

    /** A routing decision read from the topic: to its tenant's wallboards and to the desk of its agent. */
    public void decision(RoutingEvent event) {
        Set<MultiEmitter<? super LiveEvent>> boards = wallboards.get(event.tenantId());
        if (boards != null && !boards.isEmpty()) {
            send(boards, event("decision", Wallboard.Decision.of(event)));
        }
        if (event.agentId() != null) {
            Set<MultiEmitter<? super LiveEvent>> desk = desks.get(deskKey(event.tenantId(), event.agentId()));
            if (desk != null && !desk.isEmpty()) {
                send(desk, event("routing", event));
            }
        }
    }

    /** An agent's presence read from the topic: to their desk (wallboards read the floor on their own beat). */
    public void presence(AgentStateChanged change) {
        Set<MultiEmitter<? super LiveEvent>> desk = desks.get(deskKey(change.tenantId(), change.agentId()));
        if (desk != null && !desk.isEmpty()) {
            send(
                    desk,
                    event(
                            "presence",
                            new Presence(
                                    change.agentId(),
                                    change.removed() ? AgentStatus.OFFLINE : change.status(),
                                    change.breakReason(),
                                    change.load(),
                                    change.routableChannels(),
                                    change.version())));
        }
    }

    private void greetWallboard(String tenantId, MultiEmitter<? super LiveEvent> emitter) {
        try {
            emitter.emit(event("figures", wallboard.snapshot(tenantId)));
            emitter.emit(event("decisions", wallboard.recentDecisions(tenantId, config.recentDecisions())));
        } catch (RuntimeException e) {
            LOG.warnf("could not open the wallboard of %s: %s", tenantId, e.getMessage());
            emitter.fail(e);
        }
    }

    private void greetDesk(String tenantId, String agentId, MultiEmitter<? super LiveEvent> emitter) {
        try {
            Optional<LiveAgent> agent = agents.find(tenantId, agentId);
            emitter.emit(event(
                    "presence",
                    agent.map(LiveFeeds::presenceOf)
                            .orElse(new Presence(agentId, AgentStatus.OFFLINE, null, Map.of(), Set.of(), 0))));
            // After a reload the agent still sees what they hold: the latest offer or assignment of each contact.
            for (ActiveContact contact : agent.map(LiveAgent::contacts).orElse(List.of())) {
                List<RoutingEvent> history = decisions.history(tenantId, contact.contactId());
                for (int i = history.size() - 1; i >= 0; i--) {
                    RoutingEvent decision = history.get(i);
                    if (agentId.equals(decision.agentId())
                            && (decision.type() == RoutingEvent.Type.CONTACT_OFFERED
                                    || decision.type() == RoutingEvent.Type.CONTACT_ASSIGNED)) {
                        emitter.emit(event("routing", decision));
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not open the desk of %s/%s: %s", tenantId, agentId, e.getMessage());
            emitter.fail(e);
        }
    }

    /** Sends each open wallboard its figures when they changed, and every stream a heartbeat now and then. */
    void tick() {
        boolean heartbeat =
                System.nanoTime() - lastHeartbeat >= config.heartbeat().toNanos();
        lastFigures.keySet().retainAll(wallboards.keySet());
        wallboards.forEach((tenantId, boards) -> {
            if (boards.isEmpty()) {
                return;
            }
            try {
                LiveEvent figures = event("figures", wallboard.snapshot(tenantId));
                if (!figures.json().equals(lastFigures.put(tenantId, figures.json())) || heartbeat) {
                    send(boards, figures);
                }
            } catch (RuntimeException e) {
                // Redis unreachable: the wallboard keeps its last figures and the next beat tries again.
                LOG.warnf("could not read the wallboard figures of %s: %s", tenantId, e.getMessage());
            }
        });
        if (heartbeat) {
            lastHeartbeat = System.nanoTime();
            LiveEvent beat = new LiveEvent("heartbeat", "{}");
            desks.values().forEach(desk -> send(desk, beat));
        }
    }

    private static Presence presenceOf(LiveAgent agent) {
        return new Presence(
                agent.agentId(),
                agent.status(),
                agent.breakReason(),
                agent.load().byChannel(),
                agent.routableChannels(),
                agent.version());
    }

    private void join(
            Map<String, Set<MultiEmitter<? super LiveEvent>>> streams,
            String key,
            String tenantId,
            MultiEmitter<? super LiveEvent> emitter) {
        viewers.merge(tenantId, 1, Integer::sum);
        // Added and removed inside compute: a set emptied and dropped by one thread never swallows another's join.
        streams.compute(key, (k, set) -> {
            Set<MultiEmitter<? super LiveEvent>> joined = set == null ? ConcurrentHashMap.newKeySet() : set;
            joined.add(emitter);
            return joined;
        });
        emitter.onTermination(() -> {
            streams.computeIfPresent(key, (k, set) -> {
                set.remove(emitter);
                return set.isEmpty() ? null : set;
            });
            viewers.computeIfPresent(tenantId, (k, count) -> count > 1 ? count - 1 : null);
        });
    }

    private static void send(Set<MultiEmitter<? super LiveEvent>> emitters, LiveEvent event) {
        for (MultiEmitter<? super LiveEvent> emitter : emitters) {
            if (!emitter.isCancelled()) {
                emitter.emit(event);
            }
        }
    }

    private LiveEvent event(String name, Object data) {
        try {
            return new LiveEvent(name, mapper.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + name + " event", e);
        }
    }

    private static String deskKey(String tenantId, String agentId) {
        return tenantId + "/" + agentId;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
