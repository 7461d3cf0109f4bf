package dev.alicia.presence.client.model;

/**
 * Where an agent is in their shift. The agent sets OFFLINE, AVAILABLE and BREAK; the system sets BUSY (while
 * they have contacts) and WRAP_UP (after their last contact ends, until the wrap-up time is over).
 */
public enum AgentStatus {
    OFFLINE,
    AVAILABLE,
    BUSY,
    WRAP_UP,
    BREAK;

    /** Whether contacts may be offered at all; capacity then decides which channels. */
    public boolean acceptsWork() {
        return this == AVAILABLE || this == BUSY;
    }

    /** Whether the agent may choose this status from the desktop (the others follow from contacts). */
    public boolean chosenByAgent() {
        return this == OFFLINE || this == AVAILABLE || this == BREAK;
    }
}
