package dev.alicia.context.domain;

/** The kinds of channel identity that resolve to a customer, so a caller who chatted first is recognised. */
public enum IdentityType {
    PHONE,
    EMAIL,
    CHAT_HANDLE,
    SOCIAL_HANDLE
}
