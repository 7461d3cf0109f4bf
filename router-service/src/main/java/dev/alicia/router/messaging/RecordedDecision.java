package dev.alicia.router.messaging;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;

/**
 * What the decision log reads of a routing event to index it; the event itself is kept as it was published (the
 * record's raw value), so the brief and the explanation are neither decoded nor written again. What is indexed is
 * checked against its column (a value too long for it would fail the insert, and the poll would be retried forever).
 */
public record RecordedDecision(
        @NotBlank @Size(max = 64) @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String eventId,

        @NotNull RoutingEvent.Type type,

        @NotBlank @Pattern(regexp = Ids.TENANT, message = Ids.TENANT_MESSAGE)
        String tenantId,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String contactId,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String customerId,

        @Size(max = 64) @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String queue,

        @Size(max = 16) String strategy,

        @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String agentId,

        Double score,
        @NotNull Instant occurredAt) {}
