package dev.alicia.presence.client.model;

/** The channels a contact can arrive on. */
public enum Channel {
    VOICE,
    VIDEO,
    CHAT,
    MESSAGING,
    EMAIL,
    SOCIAL,
    SMS;

    /** A voice or video contact has the agent's full attention: nothing else is offered while it lasts. */
    public boolean exclusive() {
        return this == VOICE || this == VIDEO;
    }
}
