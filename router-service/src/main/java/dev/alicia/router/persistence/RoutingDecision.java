package dev.alicia.router.persistence;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Every routing decision, kept for audit and for learning. One per contact: the unique key is what makes a
 * redelivered contact a replay of its decision rather than a second assignment.
 */
@Entity
@Table(
        name = "routing_decision",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_decision_tenant_contact",
                        columnNames = {"tenant_id", "contact_id"}))
public class RoutingDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "event_id", nullable = false, length = 64)
    public String eventId;

    @Column(name = "tenant_id", nullable = false, length = 63)
    public String tenantId;

    @Column(name = "contact_id", nullable = false, length = 128)
    public String contactId;

    @Column(name = "customer_id", nullable = false, length = 128)
    public String customerId;

    @Column(name = "outcome", nullable = false, length = 32)
    public String outcome;

    @Column(name = "agent_id", length = 128)
    public String agentId;

    @Column(name = "score")
    public Double score;

    /** The event as published, so a replay publishes exactly the same decision. */
    @Column(name = "event_json", nullable = false, columnDefinition = "text")
    public String eventJson;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public static Optional<RoutingDecision> find(String tenantId, String contactId) {
        return find("tenantId = ?1 and contactId = ?2", tenantId, contactId).firstResultOptional();
    }
}
