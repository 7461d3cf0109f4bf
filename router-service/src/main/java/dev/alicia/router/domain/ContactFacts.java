package dev.alicia.router.domain;

import java.util.Set;

/** What classification looks at: the channel, what the customer wants, their language and tier, and signals. */
public record ContactFacts(String channel, String intent, String language, String tier, Set<String> signals) {

    public ContactFacts {
        signals = signals == null ? Set.of() : Set.copyOf(signals);
    }
}
