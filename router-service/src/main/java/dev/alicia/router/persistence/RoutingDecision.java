package dev.alicia.router.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Every decision the router takes about a contact (queued, offered with its explanation, assigned, released,
 * widened, transferred, ended...), appended for audit and for learning from outcomes. The event is kept as it
 * was published.
 */
@Entity
@Table(
        name = "routing_decision",
        indexes = @Index(name = "ix_decision_tenant_contact", columnList = "tenant_id, contact_id"))
public class RoutingDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true, length = 64)
    public String eventId;

    @Column(name = "tenant_id", nullable = false, length = 63)
    public String tenantId;

    @Column(name = "contact_id", nullable = false, length = 128)
    public String contactId;

    @Column(name = "customer_id", nullable = false, length = 128)
    public String customerId;

    @Column(name = "type", nullable = false, length = 32)
    public String type;

    @Column(name = "queue", length = 64)
    public String queue;

    @Column(name = "strategy", length = 16)
    public String strategy;

    @Column(name = "agent_id", length = 128)
    public String agentId;

    @Column(name = "score")
    public Double score;

    /** The event as published. */
    @Column(name = "event_json", nullable = false, columnDefinition = "text")
    public String eventJson;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public static List<RoutingDecision> history(String tenantId, String contactId) {
        return list("tenantId = ?1 and contactId = ?2 order by id", tenantId, contactId);
    }

    /**
     * Removes the handoff brief from every decision recorded about a customer (right to erasure); the rest of each
     * decision stays. Idempotent.
     */
    public static int eraseBriefs(String tenantId, String customerId) {
        return getEntityManager()
                .createNativeQuery(
                        "update routing_decision set event_json = cast(cast(event_json as jsonb) - 'brief' as text)"
                                + " where tenant_id = :tenant and customer_id = :customer and strpos(event_json, '\"brief\"') > 0")
                .setParameter("tenant", tenantId)
                .setParameter("customer", customerId)
                .executeUpdate();
    }
}
