package dev.alicia.context.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.messaging.EventPublisher;

/** Tells the other services that a customer's context was erased. */
@ApplicationScoped
public class ErasureEvents {

    public static final String TOPIC = "context.erasures";

    private final EventPublisher publisher;

    public ErasureEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public void erased(String tenantId, String customerId) {
        publisher.publishAndWait(
                TOPIC,
                tenantId + ":" + customerId,
                new CustomerErased(UUID.randomUUID().toString(), tenantId, customerId, Instant.now()));
    }
}
