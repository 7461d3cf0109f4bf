package dev.alicia.presence.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.messaging.EventPublisher;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.LiveAgent;

/** Tells routers, on Kafka, each time an agent's live state changes. */
@ApplicationScoped
public class PresenceEvents {

    /** Keyed by agent, so one agent's changes stay in order. */
    public static final String TOPIC = "agent.presence";

    private final EventPublisher publisher;

    public PresenceEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public void changed(LiveAgent before, LiveAgent after) {
        publish(new AgentPresenceChanged(
                UUID.randomUUID().toString(),
                after.tenantId(),
                after.agentId(),
                after.status(),
                before == null ? null : before.status(),
                after.breakReason(),
                after.load().byChannel(),
                after.routableChannels(),
                after.idleSince() == 0 ? null : Instant.ofEpochMilli(after.idleSince()),
                false,
                after.version(),
                Instant.now()));
    }

    public void removed(String tenantId, String agentId, AgentStatus lastStatus) {
        publish(new AgentPresenceChanged(
                UUID.randomUUID().toString(),
                tenantId,
                agentId,
                AgentStatus.OFFLINE,
                lastStatus,
                null,
                Map.of(),
                Set.of(),
                null,
                true,
                0,
                Instant.now()));
    }

    private void publish(AgentPresenceChanged event) {
        publisher.publishAndWait(TOPIC, event.tenantId() + ":" + event.agentId(), event);
    }
}
