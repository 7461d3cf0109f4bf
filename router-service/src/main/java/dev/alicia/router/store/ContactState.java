package dev.alicia.router.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.router.messaging.ContactArrived;
import dev.alicia.router.messaging.RoutingEvent;

/**
 * Where a contact stands in the router, shared by all instances in Redis: its queue and priority, the skills the
 * queue requires now, the agent it is offered to or assigned to, who turned it down, how far its queue widened,
 * and whether it is held for a better agent ({@code holdFor}: the outcome estimate an agent must reach to take it
 * while held; negative once decided not to hold; null while undecided - see {@code BetterMatchHold}).
 */
public record ContactState(
        ContactArrived contact,
        Status status,
        String queue,
        int priority,
        Map<String, Integer> requiredSkills,
        String rule,
        long queuedAt,
        long answeredAt,
        String agentId,
        Set<String> declinedBy,
        int wideningApplied,
        boolean callbackOffered,
        int transfers,
        String targetAgentId,
        List<StoryEvent> routerNotes,
        RoutingEvent offer,
        Double holdFor) {

    public enum Status {
        WAITING,
        OFFERED,
        ASSIGNED,
        ENDED,
        ABANDONED,
        FAILED
    }

    public ContactState {
        requiredSkills = requiredSkills == null ? Map.of() : Map.copyOf(requiredSkills);
        declinedBy = declinedBy == null ? Set.of() : Set.copyOf(declinedBy);
        routerNotes = routerNotes == null ? List.of() : List.copyOf(routerNotes);
    }

    public String tenantId() {
        return contact.tenantId();
    }

    public String contactId() {
        return contact.contactId();
    }

    public ContactState with(Status newStatus, String agent) {
        return new ContactState(
                contact,
                newStatus,
                queue,
                priority,
                requiredSkills,
                rule,
                queuedAt,
                answeredAt,
                agent,
                declinedBy,
                wideningApplied,
                callbackOffered,
                transfers,
                targetAgentId,
                routerNotes,
                offer,
                holdFor);
    }

    /** Offered to {@code agent}: the offer (without its brief) is kept for the assignment that follows. */
    public ContactState offered(String agent, RoutingEvent event) {
        return new ContactState(
                contact,
                Status.OFFERED,
                queue,
                priority,
                requiredSkills,
                rule,
                queuedAt,
                answeredAt,
                agent,
                declinedBy,
                wideningApplied,
                callbackOffered,
                transfers,
                targetAgentId,
                routerNotes,
                event,
                holdFor);
    }

    public ContactState answered(long at) {
        return new ContactState(
                contact,
                Status.ASSIGNED,
                queue,
                priority,
                requiredSkills,
                rule,
                queuedAt,
                at,
                agentId,
                declinedBy,
                wideningApplied,
                callbackOffered,
                transfers,
                targetAgentId,
                routerNotes,
                offer,
                holdFor);
    }

    public ContactState declined(String agent) {
        Set<String> more = new java.util.HashSet<>(declinedBy);
        more.add(agent);
        return new ContactState(
                contact,
                Status.WAITING,
                queue,
                priority,
                requiredSkills,
                rule,
                queuedAt,
                answeredAt,
                null,
                more,
                wideningApplied,
                callbackOffered,
                transfers,
                targetAgentId,
                routerNotes,
                offer,
                holdFor);
    }

    public ContactState widened(int applied, Map<String, Integer> skills, boolean callback) {
        return new ContactState(
                contact,
                status,
                queue,
                priority,
                skills,
                rule,
                queuedAt,
                answeredAt,
                agentId,
                declinedBy,
                applied,
                callbackOffered || callback,
                transfers,
                targetAgentId,
                routerNotes,
                offer,
                holdFor);
    }

    /**
     * Sent on by its agent to a queue (or to one agent there): waiting again from now with a fresh offer history,
     * keeping its id and its story; never offered straight back to the agent who sent it.
     */
    public ContactState transferred(
            String newQueue,
            int newPriority,
            Map<String, Integer> skills,
            String newRule,
            String fromAgent,
            String toAgent,
            long now) {
        return new ContactState(
                contact,
                Status.WAITING,
                newQueue,
                newPriority,
                skills,
                newRule,
                now,
                0,
                null,
                Set.of(fromAgent),
                0,
                false,
                transfers + 1,
                toAgent,
                routerNotes,
                offer,
                null);
    }

    /** Held for an agent expected to reach {@code threshold}, or not held ({@code threshold} negative). */
    public ContactState holding(double threshold) {
        return new ContactState(
                contact,
                status,
                queue,
                priority,
                requiredSkills,
                rule,
                queuedAt,
                answeredAt,
                agentId,
                declinedBy,
                wideningApplied,
                callbackOffered,
                transfers,
                targetAgentId,
                routerNotes,
                offer,
                threshold);
    }

    /** Whether it is held for a better agent (see {@code BetterMatchHold}). */
    public boolean held() {
        return holdFor != null && holdFor >= 0;
    }

    /** Remembers an event the router added to the customer's story, for briefs built before it is stored. */
    public ContactState noting(StoryEvent note) {
        List<StoryEvent> notes = new java.util.ArrayList<>(routerNotes);
        notes.add(note);
        return new ContactState(
                contact,
                status,
                queue,
                priority,
                requiredSkills,
                rule,
                queuedAt,
                answeredAt,
                agentId,
                declinedBy,
                wideningApplied,
                callbackOffered,
                transfers,
                targetAgentId,
                notes,
                offer,
                holdFor);
    }
}
