package dev.alicia.presence.api;

import jakarta.validation.constraints.NotNull;

import dev.alicia.presence.domain.AgentStatus;

/** A status change from the agent desktop. */
public record PresenceRequest(@NotNull AgentStatus status) {}
