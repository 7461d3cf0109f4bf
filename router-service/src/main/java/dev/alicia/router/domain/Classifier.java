package dev.alicia.router.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Maps a contact to a queue with the first matching rule in order. Nothing is unroutable: without a match the
 * contact goes to the default queue, where any agent who speaks the language may take it (the score still
 * prefers the skilled). Urgent contacts (fraud, stolen
 * card: the {@code urgent} signal) get {@code urgentBoost} on top of their rule's priority unless the rule is
 * already about urgency.
 */
public final class Classifier {

    public static final String URGENT = "urgent";

    private final String defaultQueue;
    private final int urgentBoost;

    public Classifier(String defaultQueue, int urgentBoost) {
        this.defaultQueue = defaultQueue;
        this.urgentBoost = urgentBoost;
    }

    public Classification classify(ContactFacts facts, List<RoutingRule> rules) {
        boolean urgent = facts.signals().contains(URGENT);
        return rules.stream()
                .sorted(Comparator.comparingInt(RoutingRule::order).thenComparing(RoutingRule::name))
                .filter(rule -> rule.matches(facts))
                .findFirst()
                .map(rule -> new Classification(
                        rule.queue(),
                        rule.priority() + (urgent && !rule.signals().contains(URGENT) ? urgentBoost : 0),
                        rule.requiredSkills(),
                        rule.name()))
                .orElseGet(() -> new Classification(defaultQueue, urgent ? urgentBoost : 0, Map.of(), "default"));
    }
}
