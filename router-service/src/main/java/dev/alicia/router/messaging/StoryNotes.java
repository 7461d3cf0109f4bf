package dev.alicia.router.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.kit.messaging.EventPublisher;

/**
 * What the router adds to a customer's story (a transfer, with its reason), published on the conversation events
 * topic exactly as a channel adapter would, keyed {@code <tenantId>:<customerId>}: context-service keeps it.
 */
@ApplicationScoped
public class StoryNotes {

    public static final String TOPIC = "conversation.events";

    private final EventPublisher publisher;

    public StoryNotes(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public void publish(String tenantId, StoryEvent note) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", note.eventId());
        event.put("tenantId", tenantId);
        event.put("customerId", note.customerId());
        event.put("contactId", note.contactId());
        event.put("channel", note.channel());
        event.put("type", note.type());
        event.put("occurredAt", note.occurredAt());
        event.put("text", note.text());
        event.put("agentId", note.agentId());
        publisher.publishAndWait(TOPIC, tenantId + ":" + note.customerId(), event);
    }
}
