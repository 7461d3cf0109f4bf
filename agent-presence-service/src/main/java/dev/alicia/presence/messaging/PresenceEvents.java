package dev.alicia.presence.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.messaging.EventPublisher;
import dev.alicia.presence.domain.AgentStatus;

/** Tells routers, on Kafka, each time an agent's status changes. */
@ApplicationScoped
public class PresenceEvents {

    /** Keyed by agent, so one agent's changes stay in order. */
    public static final String TOPIC = "agent.presence";

    private final EventPublisher publisher;

    public PresenceEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public AgentPresenceChanged statusChanged(
            String tenantId, String agentId, AgentStatus previous, AgentStatus status, long version) {
        AgentPresenceChanged event = new AgentPresenceChanged(
                UUID.randomUUID().toString(), tenantId, agentId, status, previous, version, Instant.now());
        publisher.publishAndWait(TOPIC, tenantId + ":" + agentId, event);
        return event;
    }
}
