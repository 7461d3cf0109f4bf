package dev.alicia.context.client.model;

/** What happened in a conversation, as an adapter or a bot reports it. */
public enum ConversationEventType {
    CONTACT_STARTED,
    CUSTOMER_MESSAGE,
    BOT_MESSAGE,
    INTENT_DETECTED,
    ENTITY_CAPTURED,
    STEP_TRIED,
    AUTHENTICATED,
    CHANNEL_SWITCHED,
    TRANSFERRED,
    CONTACT_ENDED
}
