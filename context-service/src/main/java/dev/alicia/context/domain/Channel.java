package dev.alicia.context.domain;

/** The channels a customer reaches us through. */
public enum Channel {
    VOICE,
    VIDEO,
    VOICEBOT,
    CHAT,
    CHATBOT,
    MESSAGING,
    EMAIL,
    SOCIAL,
    SMS
}
