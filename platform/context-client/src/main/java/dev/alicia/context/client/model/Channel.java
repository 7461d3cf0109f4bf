package dev.alicia.context.client.model;

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
