package dev.alicia.presence.persistence;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.alicia.presence.client.model.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An agent of the roster: who they are and what they can handle. Durable; live presence is in Redis. */
@Entity
@Table(
        name = "agent",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_agent_tenant_agent",
                        columnNames = {"tenant_id", "agent_id"}))
public class Agent extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "tenant_id", nullable = false, length = 63)
    public String tenantId;

    @Column(name = "agent_id", nullable = false, length = 128)
    public String agentId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "team", length = 64)
    public String team;

    /** Language code → fluency 1-5. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_language", joinColumns = @JoinColumn(name = "agent"))
    @MapKeyColumn(name = "language", length = 8)
    @Column(name = "fluency")
    public Map<String, Integer> languages = new HashMap<>();

    /** Skill → proficiency 1-5. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_skill", joinColumns = @JoinColumn(name = "agent"))
    @MapKeyColumn(name = "skill", length = 64)
    @Column(name = "proficiency")
    public Map<String, Integer> skills = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_channel", joinColumns = @JoinColumn(name = "agent"))
    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 16)
    public Set<Channel> channels = EnumSet.noneOf(Channel.class);

    /** Strength → rating 0-1 (empathy, deescalation, formal, informal...), what the router matches emotions to. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_strength", joinColumns = @JoinColumn(name = "agent"))
    @MapKeyColumn(name = "strength", length = 64)
    @Column(name = "rating")
    public Map<String, Double> strengths = new HashMap<>();

    @Column(name = "capacity_profile", nullable = false, length = 64)
    public String capacityProfile;

    public static Optional<Agent> find(String tenantId, String agentId) {
        return find("tenantId = ?1 and agentId = ?2", tenantId, agentId).firstResultOptional();
    }

    public static List<Agent> ofTenant(String tenantId) {
        return list("tenantId = ?1 order by agentId", tenantId);
    }

    /** Every tenant with at least one agent on the roster. */
    public static List<String> tenants() {
        return getEntityManager()
                .createQuery("select distinct a.tenantId from Agent a", String.class)
                .getResultList();
    }

    public static long countUsing(String tenantId, String capacityProfile) {
        return count("tenantId = ?1 and capacityProfile = ?2", tenantId, capacityProfile);
    }
}
