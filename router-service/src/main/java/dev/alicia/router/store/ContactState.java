package dev.alicia.router.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.router.messaging.ContactArrived;
import dev.alicia.router.messaging.RoutingEvent;

/**
 * Where a contact stands in the router, shared by all instances in Redis: its queue and priority, the skills the
 * queue requires now, the agent it is offered to or assigned to, who turned it down, how far its queue widened,
 * and whether it is held for a better agent ({@code holdFor}: the outcome estimate an agent must reach to take it
 * while held; negative once decided not to hold; null while undecided - see {@code BetterMatchHold}), and once
 * ended, the end as announced ({@code ended}), so that announcing it again repeats it exactly.
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
        Double holdFor,
        RoutingEvent ended) {

    /** A new contact as classified: waiting in its queue since {@code queuedAt}, nothing else happened to it yet. */
    public static ContactState waiting(
            ContactArrived contact,
            String queue,
            int priority,
            Map<String, Integer> requiredSkills,
            String rule,
            long queuedAt) {
        return new ContactState(
                contact,
                Status.WAITING,
                queue,
                priority,
                requiredSkills,
                rule,
                queuedAt,
                0,
                null,
                Set.of(),
                0,
                false,
                0,
                null,
                List.of(),
                null,
                null,
                null);
    }

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
        return edit(d -> {
            d.status = newStatus;
            d.agentId = agent;
        });
    }

    /** The conversation is over: {@code event} is its announcement, kept to be repeated as it was. */
    public ContactState ended(RoutingEvent event) {
        return edit(d -> {
            d.status = Status.ENDED;
            d.ended = event;
        });
    }

    /** Offered to {@code agent}: the offer (without its brief) is kept for the assignment that follows. */
    public ContactState offered(String agent, RoutingEvent event) {
        return edit(d -> {
            d.status = Status.OFFERED;
            d.agentId = agent;
            d.offer = event;
        });
    }

    public ContactState answered(long at) {
        return edit(d -> {
            d.status = Status.ASSIGNED;
            d.answeredAt = at;
        });
    }

    public ContactState declined(String agent) {
        Set<String> more = new HashSet<>(declinedBy);
        more.add(agent);
        return edit(d -> {
            d.status = Status.WAITING;
            d.agentId = null;
            d.declinedBy = more;
        });
    }

    public ContactState widened(int applied, Map<String, Integer> skills, boolean callback) {
        return edit(d -> {
            d.requiredSkills = skills;
            d.wideningApplied = applied;
            d.callbackOffered = callbackOffered || callback;
        });
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
        return edit(d -> {
            d.status = Status.WAITING;
            d.queue = newQueue;
            d.priority = newPriority;
            d.requiredSkills = skills;
            d.rule = newRule;
            d.queuedAt = now;
            d.answeredAt = 0;
            d.agentId = null;
            d.declinedBy = Set.of(fromAgent);
            d.wideningApplied = 0;
            d.callbackOffered = false;
            d.transfers = transfers + 1;
            d.targetAgentId = toAgent;
            d.holdFor = null;
        });
    }

    /** Held for an agent expected to reach {@code threshold}, or not held ({@code threshold} negative). */
    public ContactState holding(double threshold) {
        return edit(d -> d.holdFor = threshold);
    }

    /** Whether it is held for a better agent (see {@code BetterMatchHold}). */
    public boolean held() {
        return holdFor != null && holdFor >= 0;
    }

    /** Remembers an event the router added to the customer's story, for briefs built before it is stored. */
    public ContactState noting(StoryEvent note) {
        List<StoryEvent> notes = new ArrayList<>(routerNotes);
        notes.add(note);
        return edit(d -> d.routerNotes = notes);
    }

    /** A copy with what {@code change} sets: each step above names only the fields it changes. */
    private ContactState edit(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new ContactState(
                contact,
                d.status,
                d.queue,
                d.priority,
                d.requiredSkills,
                d.rule,
                d.queuedAt,
                d.answeredAt,
                d.agentId,
                d.declinedBy,
                d.wideningApplied,
                d.callbackOffered,
                d.transfers,
                d.targetAgentId,
                d.routerNotes,
                d.offer,
                d.holdFor,
                d.ended);
    }

    /** The fields a step may change, as they were. */
    private static final class Draft {
        Status status;
        String queue;
        int priority;
        Map<String, Integer> requiredSkills;
        String rule;
        long queuedAt;
        long answeredAt;
        String agentId;
        Set<String> declinedBy;
        int wideningApplied;
        boolean callbackOffered;
        int transfers;
        String targetAgentId;
        List<StoryEvent> routerNotes;
        RoutingEvent offer;
        Double holdFor;
        RoutingEvent ended;

        Draft(ContactState s) {
            status = s.status;
            queue = s.queue;
            priority = s.priority;
            requiredSkills = s.requiredSkills;
            rule = s.rule;
            queuedAt = s.queuedAt;
            answeredAt = s.answeredAt;
            agentId = s.agentId;
            declinedBy = s.declinedBy;
            wideningApplied = s.wideningApplied;
            callbackOffered = s.callbackOffered;
            transfers = s.transfers;
            targetAgentId = s.targetAgentId;
            routerNotes = s.routerNotes;
            offer = s.offer;
            holdFor = s.holdFor;
            ended = s.ended;
        }
    }
}
