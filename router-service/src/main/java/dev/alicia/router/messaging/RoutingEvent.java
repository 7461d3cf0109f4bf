package dev.alicia.router.messaging;

import java.time.Instant;
import java.util.List;

import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.router.domain.Factor;

/**
 * What the router decided for a contact, on {@value RoutingEvents#TOPIC} keyed {@code <tenantId>:<contactId>}:
 * assigned to an agent (with the score, why, and the handoff brief the agent reads) or queued.
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
        HandoffBrief brief,
        Instant occurredAt) {

    public enum Type {
        CONTACT_ASSIGNED,
        CONTACT_QUEUED
    }
}
