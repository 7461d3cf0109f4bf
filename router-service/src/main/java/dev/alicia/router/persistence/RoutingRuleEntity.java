package dev.alicia.router.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.alicia.router.domain.RoutingRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tenant's routing rule, edited over REST. */
@Entity
@Table(
        name = "routing_rule",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_rule_tenant_name",
                        columnNames = {"tenant_id", "name"}))
public class RoutingRuleEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "tenant_id", nullable = false, length = 63)
    public String tenantId;

    @Column(name = "name", nullable = false, length = 64)
    public String name;

    @Column(name = "rule_order", nullable = false)
    public int ruleOrder;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_rule_channel", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "channel", length = 16)
    public Set<String> channels = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_rule_intent", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "intent", length = 64)
    public Set<String> intents = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_rule_language", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "language", length = 16)
    public Set<String> languages = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_rule_tier", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "tier", length = 32)
    public Set<String> tiers = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_rule_signal", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "signal", length = 32)
    public Set<String> signals = new HashSet<>();

    @Column(name = "queue", nullable = false, length = 64)
    public String queue;

    @Column(name = "priority", nullable = false)
    public int priority;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_rule_skill", joinColumns = @JoinColumn(name = "rule_id"))
    @MapKeyColumn(name = "skill", length = 64)
    @Column(name = "minimum_level")
    public Map<String, Integer> requiredSkills = new HashMap<>();

    public RoutingRule toRule() {
        return new RoutingRule(
                name, ruleOrder, channels, intents, languages, tiers, signals, queue, priority, requiredSkills);
    }

    public static List<RoutingRuleEntity> ofTenant(String tenantId) {
        return list("tenantId = ?1 order by ruleOrder, name", tenantId);
    }

    public static Optional<RoutingRuleEntity> find(String tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }
}
