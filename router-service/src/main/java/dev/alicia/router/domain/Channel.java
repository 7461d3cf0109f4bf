package dev.alicia.router.domain;

/** The channel a contact arrives on. */
public enum Channel {
    VOICE,
    VIDEO,
    CHAT,
    MESSAGING,
    EMAIL,
    SOCIAL,
    SMS
}
