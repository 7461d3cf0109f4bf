package dev.alicia.presence.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.api.ProblemException;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.presence.messaging.ContactRouted;
import dev.alicia.presence.messaging.PresenceEvents;
import dev.alicia.presence.persistence.Agent;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Every change of an agent's live state goes through here: the presence rules decide, Redis stores it
 * atomically, and the change is published. Live state missing from Redis (a restart without persistence)
 * is rebuilt from the roster, OFFLINE.
 */
@ApplicationScoped
public class PresenceService {

    private final LivePresenceStore store;
    private final PresenceEvents events;
    private final WrapUpTimer wrapUp;
    private final RosterService roster;
    private final Clock clock = Clock.systemUTC();

    public PresenceService(LivePresenceStore store, PresenceEvents events, WrapUpTimer wrapUp, RosterService roster) {
        this.store = store;
        this.events = events;
        this.wrapUp = wrapUp;
        this.roster = roster;
    }

    public LiveAgent current(String tenantId, String agentId) {
        return store.find(tenantId, agentId).orElseGet(() -> rebuild(tenantId, agentId));
    }

    /** The agent chose a status on the desktop; an illegal transition is a {@code PresenceRuleViolation}. */
    public LiveAgent choose(String tenantId, String agentId, AgentStatus status, String reason) {
        long now = clock.millis();
        return change(tenantId, agentId, agent -> agent.choose(status, reason, now));
    }

    /**
     * Keeps the agent's load in step with the router. The router reserves, accepts and releases capacity itself
     * with the atomic primitive, so those changes are usually in the live state already: the agent's state is
     * then announced as it stands, so that every change of an agent is published.
     */
    public void contactEvent(ContactRouted event) {
        long now = clock.millis();
        UnaryOperator<LiveAgent> change = switch (event.type()) {
            case ContactRouted.OFFERED -> UnaryOperator.identity();
            case ContactRouted.ASSIGNED -> agent -> agent.assigned(event.contactId(), event.channel());
            case ContactRouted.ENDED, ContactRouted.TRANSFERRED -> agent -> agent.end(event.contactId());
            case ContactRouted.RELEASED, ContactRouted.ABANDONED -> agent -> agent.release(event.contactId(), now);
            default -> throw new IllegalArgumentException("not a load change: " + event.type());
        };
        change(event.tenantId(), event.agentId(), change, event.routerChanged());
    }

    public List<LiveAgent> all(String tenantId) {
        return store.all(tenantId);
    }

    private LiveAgent change(String tenantId, String agentId, UnaryOperator<LiveAgent> change) {
        return change(tenantId, agentId, change, false);
    }

    /** With {@code announceUnchanged}, the state is published even when this change found it done already. */
    private LiveAgent change(
            String tenantId, String agentId, UnaryOperator<LiveAgent> change, boolean announceUnchanged) {
        // One read per change; the roster is consulted only when the live state is missing (Redis lost it).
        LivePresenceStore.Change written = store.update(tenantId, agentId, change)
                .or(() -> {
                    rebuild(tenantId, agentId);
                    return store.update(tenantId, agentId, change);
                })
                .orElseThrow(() -> ProblemException.notFound("agent", agentId));
        if (written.after() != written.before() || announceUnchanged) {
            events.changed(written.before(), written.after());
            if (written.after().status() == AgentStatus.WRAP_UP
                    && written.before().status() != AgentStatus.WRAP_UP) {
                wrapUp.schedule(tenantId, agentId, this::endWrapUp);
            }
        }
        return written.after();
    }

    private void endWrapUp(String tenantId, String agentId) {
        long now = clock.millis();
        change(tenantId, agentId, agent -> agent.wrapUpOver(now));
    }

    private LiveAgent rebuild(String tenantId, String agentId) {
        Optional<Agent> agent = QuarkusTransaction.joiningExisting().call(() -> Agent.find(tenantId, agentId));
        return roster.goLive(agent.orElseThrow(() -> ProblemException.notFound("agent", agentId)));
    }
}
