package dev.alicia.router.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.messaging.EventPublisher;

/** Publishes routing decisions for agent desktops, platforms and the other services. */
@ApplicationScoped
public class RoutingEvents {

    /** Keyed by contact, so the decisions about one contact stay in order. */
    public static final String TOPIC = "routing.events";

    private final EventPublisher publisher;

    public RoutingEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Sends the event without waiting: the consumer loop that led to it flushes before committing its input, and
     * REST actions {@link #flush} before they answer.
     */
    public void publish(RoutingEvent event) {
        publisher.publish(TOPIC, event.tenantId() + ":" + event.contactId(), event);
    }

    /** Waits until every decision sent so far is on the broker. */
    public void flush() {
        publisher.flush();
    }
}
