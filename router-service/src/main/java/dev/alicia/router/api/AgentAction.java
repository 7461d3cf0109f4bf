package dev.alicia.router.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;

/** An agent's answer about a contact: who answers, and why or with what outcome when it matters. */
public record AgentAction(
        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String agentId,

        @Size(max = 256) String reason,
        @Size(max = 64) String outcome) {}
