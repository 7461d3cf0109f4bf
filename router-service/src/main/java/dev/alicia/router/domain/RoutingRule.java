package dev.alicia.router.domain;

import java.util.Map;
import java.util.Set;

/**
 * Sends contacts that match to a queue, with a priority and the skills the queue requires (skill → minimum
 * level). A {@code null} or empty condition matches anything; {@code signals} must all be present (e.g.
 * {@code urgent}). Rules are tried in {@code order}; the first that matches wins.
 */
public record RoutingRule(
        String name,
        int order,
        Set<String> channels,
        Set<String> intents,
        Set<String> languages,
        Set<String> tiers,
        Set<String> signals,
        String queue,
        int priority,
        Map<String, Integer> requiredSkills) {

    public RoutingRule {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        intents = intents == null ? Set.of() : Set.copyOf(intents);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
        signals = signals == null ? Set.of() : Set.copyOf(signals);
        requiredSkills = requiredSkills == null ? Map.of() : Map.copyOf(requiredSkills);
    }

    boolean matches(ContactFacts facts) {
        return within(channels, facts.channel())
                && within(intents, facts.intent())
                && within(languages, facts.language())
                && within(tiers, facts.tier())
                && facts.signals().containsAll(signals);
    }

    private static boolean within(Set<String> allowed, String value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
}
