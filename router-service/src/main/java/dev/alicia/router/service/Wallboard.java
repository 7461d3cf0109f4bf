package dev.alicia.router.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.domain.Factor;
import dev.alicia.router.domain.Ranking;
import dev.alicia.router.domain.Strategy;
import dev.alicia.router.messaging.RoutingEvent;
import dev.alicia.router.persistence.RoutingDecision;
import dev.alicia.router.store.RouterStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

/**
 * What a supervisor's wallboard shows: every queue's figures and the agents by status, read from the live state
 * every router instance shares (Redis), and the latest routing decisions with why each agent was chosen.
 */
@ApplicationScoped
public class Wallboard {

    private static final Logger LOG = Logger.getLogger(Wallboard.class);

    /** Agents at work first, then those about to be, then those away: the floor reads top-down. */
    private static final List<AgentStatus> FLOOR_ORDER = List.of(
            AgentStatus.BUSY, AgentStatus.AVAILABLE, AgentStatus.WRAP_UP, AgentStatus.BREAK, AgentStatus.OFFLINE);

    /** The queues and the floor now; equal snapshots mean nothing changed on the wallboard. */
    public record Snapshot(
            List<QueueStatistics.Figures> queues, Map<AgentStatus, Integer> agentsByStatus, List<AgentLine> agents) {}

    /** One agent's line on the wallboard. */
    public record AgentLine(String agentId, String team, AgentStatus status, int contacts, double occupancy) {}

    /**
     * A routing decision as the wallboard shows it: who got which contact and why, the runners-up and why they
     * lost. The handoff brief is left out: a wall screen is no place for the customer's story.
     */
    public record Decision(
            String eventId,
            RoutingEvent.Type type,
            String contactId,
            Channel channel,
            String queue,
            Integer priority,
            String agentId,
            Double score,
            Strategy strategy,
            String arm,
            List<Factor> explanation,
            List<Ranking.RunnerUp> runnersUp,
            Integer position,
            Long estimatedWaitSeconds,
            String reason,
            String language,
            String intent,
            String emotionBand,
            Instant occurredAt) {

        public static Decision of(RoutingEvent event) {
            return new Decision(
                    event.eventId(),
                    event.type(),
                    event.contactId(),
                    event.channel(),
                    event.queue(),
                    event.priority(),
                    event.agentId(),
                    event.score(),
                    event.strategy(),
                    event.arm(),
                    event.explanation(),
                    event.runnersUp(),
                    event.position(),
                    event.estimatedWaitSeconds(),
                    event.reason(),
                    event.language(),
                    event.intent(),
                    event.emotionBand(),
                    event.occurredAt());
        }
    }

    private final RouterStore store;
    private final QueueStatistics statistics;
    private final LivePresenceStore agents;
    private final ObjectReader events;

    public Wallboard(RouterStore store, QueueStatistics statistics, LivePresenceStore agents, ObjectMapper mapper) {
        this.store = store;
        this.statistics = statistics;
        this.agents = agents;
        this.events = mapper.readerFor(RoutingEvent.class);
    }

    public Snapshot snapshot(String tenantId) {
        List<QueueStatistics.Figures> queues = store.queues(tenantId).stream()
                .sorted()
                .map(queue -> statistics.figures(tenantId, queue))
                .toList();
        Map<AgentStatus, Integer> byStatus = new EnumMap<>(AgentStatus.class);
        for (AgentStatus status : AgentStatus.values()) {
            byStatus.put(status, 0);
        }
        List<AgentLine> lines = new ArrayList<>();
        for (LiveAgent agent : agents.all(tenantId)) {
            byStatus.merge(agent.status(), 1, Integer::sum);
            lines.add(new AgentLine(
                    agent.agentId(),
                    agent.team(),
                    agent.status(),
                    agent.load().total(),
                    Math.round(agent.occupancy() * 100) / 100.0));
        }
        lines.sort(Comparator.comparing((AgentLine line) -> FLOOR_ORDER.indexOf(line.status()))
                .thenComparing(AgentLine::agentId));
        return new Snapshot(queues, byStatus, lines);
    }

    /** The tenant's latest decisions, newest first, from the decision log every instance writes. */
    public List<Decision> recentDecisions(String tenantId, int limit) {
        List<String> recorded = QuarkusTransaction.requiringNew()
                .call(
                        () -> RoutingDecision.<RoutingDecision>find("tenantId = ?1 order by id desc", tenantId)
                                .page(0, limit)
                                .list()
                                .stream()
                                .map(decision -> decision.eventJson)
                                .toList());
        List<Decision> decisions = new ArrayList<>();
        for (String json : recorded) {
            try {
                decisions.add(Decision.of(events.readValue(json)));
            } catch (JsonProcessingException e) {
                // An event recorded by an older version that no longer reads: the wallboard shows the others.
                LOG.debugf("skipped an unreadable decision of %s: %s", tenantId, e.getOriginalMessage());
            }
        }
        return decisions;
    }
}
