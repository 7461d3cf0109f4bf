package dev.alicia.router.domain;

import java.util.Map;

/** Where a contact waits and how urgently: the queue, its priority, the skills required, and the rule that said so. */
public record Classification(String queue, int priority, Map<String, Integer> requiredSkills, String rule) {

    public Classification {
        requiredSkills = requiredSkills == null ? Map.of() : Map.copyOf(requiredSkills);
    }
}
