package dev.alicia.router.messaging;

import java.time.Instant;
import java.util.List;

import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.router.domain.Factor;
import dev.alicia.router.domain.Ranking;
import dev.alicia.router.domain.Strategy;

/**
 * What happened to a contact in the router, on {@value RoutingEvents#TOPIC} keyed {@code <tenantId>:<contactId>}.
 * Offers and assignments carry the agent, the score, each factor's contribution, the runners-up with why they
 * lost, and the handoff brief; queue events carry the position and the estimated wait. Decisions of predictive
 * queues carry their A/B arm ({@code PREDICTIVE}, or {@code BASELINE} for the held-out share) and the customer's
 * emotion band, what the outcome of the contact is learned against.
 */
public record RoutingEvent(
        String eventId,
        Type type,
        String tenantId,
        String contactId,
        String customerId,
        Channel channel,
        String queue,
        Integer priority,
        String agentId,
        Double score,
        Strategy strategy,
        String arm,
        List<Factor> explanation,
        List<Ranking.RunnerUp> runnersUp,
        Integer position,
        Long estimatedWaitSeconds,
        String reason,
        String language,
        String intent,
        String emotionBand,
        HandoffBrief brief,
        Instant occurredAt) {

    /** The same decision, as a new event of another type, with the brief as it stands then. */
    public RoutingEvent then(Type newType, HandoffBrief newBrief, Instant at) {
        return then(newType, newBrief, at, java.util.UUID.randomUUID().toString());
    }

    /** The same, with the given event id (an event that may be announced twice keeps one id: consumers skip it). */
    public RoutingEvent then(Type newType, HandoffBrief newBrief, Instant at, String newEventId) {
        return new RoutingEvent(
                newEventId,
                newType,
                tenantId,
                contactId,
                customerId,
                channel,
                queue,
                priority,
                agentId,
                score,
                strategy,
                arm,
                explanation,
                runnersUp,
                position,
                estimatedWaitSeconds,
                reason,
                language,
                intent,
                emotionBand,
                newBrief,
                at);
    }

    public enum Type {
        /** No agent can take it now: it waits, with its position and estimated wait. */
        CONTACT_QUEUED,
        /** Reserved for one agent, who accepts or rejects; the brief is attached. */
        CONTACT_OFFERED,
        /** The agent accepted: the contact is theirs. */
        CONTACT_ASSIGNED,
        /** The offer was rejected or timed out: the agent's capacity is free again. */
        OFFER_RELEASED,
        /** A widening step of the queue applied (skills relaxed, overflow added). */
        QUEUE_WIDENED,
        /** The wait is long: the customer is offered a callback. */
        CALLBACK_OFFERED,
        /** Moved by its agent to another queue or agent, with the reason; routed again with its story. */
        CONTACT_TRANSFERRED,
        /** The customer hung up or left while waiting or being offered. */
        CONTACT_ABANDONED,
        /** The conversation is over: the agent wraps up. */
        CONTACT_ENDED,
        /** The router cannot route it at all, with the reason. */
        CONTACT_FAILED
    }
}
