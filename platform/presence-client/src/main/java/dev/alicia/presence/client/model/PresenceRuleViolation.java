package dev.alicia.presence.client.model;

/** A change the presence rules forbid (an illegal status transition, a contact beyond capacity). */
public class PresenceRuleViolation extends RuntimeException {

    public PresenceRuleViolation(String message) {
        super(message, null, false, false);
    }
}
