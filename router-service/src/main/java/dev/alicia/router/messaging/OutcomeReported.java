package dev.alicia.router.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;

/**
 * How a contact ended, on {@value OutcomesConsumer#TOPIC} keyed {@code <tenantId>:<contactId>}: what a platform or
 * an agent desktop reports (the same as {@code POST /contacts/{id}/outcome}).
 */
public record OutcomeReported(
        @NotBlank @Pattern(regexp = Ids.TENANT, message = Ids.TENANT_MESSAGE)
        String tenantId,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String contactId,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String agentId,

        @NotNull Boolean resolved,
        @Min(1) @Max(5) Integer satisfaction,
        Boolean transferred,
        @PositiveOrZero Double handleSeconds,
        @Size(max = 32) String endEmotion) {}
