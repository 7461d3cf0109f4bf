package dev.alicia.router.messaging;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What the decision log reads of a routing event to index it; the event itself is kept as it was published (the
 * record's raw value), so the brief and the explanation are neither decoded nor written again.
 */
public record RecordedDecision(
        @NotBlank String eventId,
        @NotBlank String type,
        @NotBlank String tenantId,
        @NotBlank String contactId,
        @NotBlank String customerId,
        String queue,
        String strategy,
        String agentId,
        Double score,
        @NotNull Instant occurredAt) {}
