package dev.alicia.router.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.Channel;

/**
 * What the agent view shows of an {@code agent.presence} event: the agent's status and load as the presence
 * service announced them. Other fields are ignored (tolerant reader).
 */
public record AgentStateChanged(
        @NotBlank String tenantId,
        @NotBlank String agentId,
        @NotNull AgentStatus status,
        String breakReason,
        Map<Channel, Integer> load,
        Set<Channel> routableChannels,
        boolean removed,
        long version,
        Instant occurredAt) {}
