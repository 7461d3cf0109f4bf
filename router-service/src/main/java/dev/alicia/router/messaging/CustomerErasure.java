package dev.alicia.router.messaging;

import jakarta.validation.constraints.NotBlank;

/**
 * What the router reads of a {@code CustomerErased} event on {@value ErasuresConsumer#TOPIC} (context-service's,
 * keyed {@code <tenantId>:<customerId>}): whose story must go.
 */
public record CustomerErasure(
        @NotBlank String tenantId, @NotBlank String customerId) {}
