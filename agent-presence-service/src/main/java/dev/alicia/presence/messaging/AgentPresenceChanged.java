package dev.alicia.presence.messaging;

import java.time.Instant;

import dev.alicia.presence.domain.AgentStatus;

/** Published on {@value PresenceEvents#TOPIC} for every status change, keyed {@code <tenantId>:<agentId>}. */
public record AgentPresenceChanged(
        String eventId,
        String tenantId,
        String agentId,
        AgentStatus status,
        AgentStatus previousStatus,
        long version,
        Instant occurredAt) {}
