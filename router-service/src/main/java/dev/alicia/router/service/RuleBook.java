package dev.alicia.router.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.router.domain.RoutingRule;
import dev.alicia.router.persistence.RoutingRuleEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A tenant's routing rules, read from the database at most every few seconds: every contact is classified with
 * them, and an edit on another router instance reaches this one within {@link #FRESH_MILLIS}.
 */
@ApplicationScoped
public class RuleBook {

    static final long FRESH_MILLIS = 5_000;

    private record Cached(List<RoutingRule> rules, long readAt) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock;

    public RuleBook(Clock clock) {
        this.clock = clock;
    }

    public List<RoutingRule> rules(String tenantId) {
        long now = clock.millis();
        Cached cached = cache.get(tenantId);
        if (cached == null || now - cached.readAt() > FRESH_MILLIS || now < cached.readAt()) {
            List<RoutingRule> rules = QuarkusTransaction.requiringNew()
                    .call(() -> RoutingRuleEntity.ofTenant(tenantId).stream()
                            .map(RoutingRuleEntity::toRule)
                            .toList());
            cached = new Cached(rules, now);
            cache.put(tenantId, cached);
        }
        return cached.rules();
    }

    /** An edit on this instance is seen at once. */
    public void changed(String tenantId) {
        cache.remove(tenantId);
    }

    /** The skills a queue's rules require (for an overflow step): those of its first rule. */
    public Map<String, Integer> skillsOf(String tenantId, String queue) {
        return rules(tenantId).stream()
                .filter(rule -> rule.queue().equals(queue))
                .findFirst()
                .map(RoutingRule::requiredSkills)
                .orElse(Map.of());
    }
}
