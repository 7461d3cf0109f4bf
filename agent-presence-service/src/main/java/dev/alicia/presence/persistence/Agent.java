package dev.alicia.presence.persistence;

import java.util.HashMap;
import java.util.LinkedHashSet;
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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_language", joinColumns = @JoinColumn(name = "agent"))
    @Column(name = "language", length = 8)
    public Set<String> languages = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_skill", joinColumns = @JoinColumn(name = "agent"))
    @MapKeyColumn(name = "skill", length = 64)
    @Column(name = "proficiency")
    public Map<String, Integer> skills = new HashMap<>();

    public static Optional<Agent> find(String tenantId, String agentId) {
        return find("tenantId = ?1 and agentId = ?2", tenantId, agentId).firstResultOptional();
    }
}
