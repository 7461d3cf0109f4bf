package dev.alicia.router.messaging;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;

import dev.alicia.presence.client.model.Channel;

/**
 * What the router reads of an {@code agent.presence} event: which agent, and whether they can take contacts now.
 * Other fields are ignored (tolerant reader).
 */
public record PresenceChanged(
        @NotBlank String tenantId, @NotBlank String agentId, Set<Channel> routableChannels, boolean removed) {}
