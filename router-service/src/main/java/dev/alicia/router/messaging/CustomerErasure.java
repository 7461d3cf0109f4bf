package dev.alicia.router.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import dev.alicia.kit.api.Ids;

/**
 * What the router reads of a {@code CustomerErased} event on {@value ErasuresConsumer#TOPIC} (context-service's,
 * keyed {@code <tenantId>:<customerId>}): whose story must go.
 */
public record CustomerErasure(
        @NotBlank @Pattern(regexp = Ids.TENANT, message = Ids.TENANT_MESSAGE)
        String tenantId,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String customerId) {}
