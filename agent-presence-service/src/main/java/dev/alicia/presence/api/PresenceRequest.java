package dev.alicia.presence.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.alicia.presence.client.model.AgentStatus;

/** A status the agent chooses on the desktop; a break says why. */
public record PresenceRequest(
        @NotNull AgentStatus status, @Size(max = 64) String reason) {}
