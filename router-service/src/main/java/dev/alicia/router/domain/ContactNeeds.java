package dev.alicia.router.domain;

/** What the contact needs from an agent: the customer's language and what they called about. */
public record ContactNeeds(String language, String intent) {}
