package dev.alicia.presence.domain;

/** Where an agent is in their shift, as the router sees it. */
public enum AgentStatus {
    OFFLINE,
    AVAILABLE,
    BUSY,
    WRAP_UP,
    BREAK
}
