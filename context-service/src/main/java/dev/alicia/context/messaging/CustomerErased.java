package dev.alicia.context.messaging;

import java.time.Instant;

/**
 * Published on {@value ErasureEvents#TOPIC} when a customer's context was erased, keyed
 * {@code <tenantId>:<customerId>}: every service that keeps something about the customer erases it too.
 */
public record CustomerErased(String eventId, String tenantId, String customerId, Instant erasedAt) {}
