package dev.alicia.router.messaging;

import java.time.Instant;
import java.util.List;

import dev.alicia.presence.client.model.Channel;
import dev.alicia.router.domain.Factor;

/**
 * What the router decided for a contact, on {@value RoutingEvents#TOPIC} keyed {@code <tenantId>:<contactId>}:
 * assigned to an agent (with the score and why) or queued.
 */
public record RoutingEvent(
        String eventId,
        Type type,
        String tenantId,
        String contactId,
        String customerId,
        Channel channel,
        String agentId,
        Double score,
        List<Factor> explanation,
        String language,
        String intent,
        Instant occurredAt) {

    public enum Type {
        CONTACT_ASSIGNED,
        CONTACT_QUEUED
    }
}
