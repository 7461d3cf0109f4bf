package dev.alicia.router.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * How one handled contact ended for the agent who handled it, with what the decision knew (arm, strategy, kind of
 * contact) and how long the customer waited: what the learner learned from, and what the A/B report counts.
 */
@Entity
@Table(
        name = "contact_outcome",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_outcome_tenant_contact_agent",
                        columnNames = {"tenant_id", "contact_id", "agent_id"}),
        indexes = @Index(name = "ix_outcome_tenant_reported", columnList = "tenant_id, reported_at"))
public class ContactOutcomeRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "tenant_id", nullable = false, length = 63)
    public String tenantId;

    @Column(name = "contact_id", nullable = false, length = 128)
    public String contactId;

    @Column(name = "agent_id", nullable = false, length = 128)
    public String agentId;

    @Column(name = "queue", length = 64)
    public String queue;

    /** PREDICTIVE or BASELINE (the held-out share); null outside predictive queues. */
    @Column(name = "arm", length = 16)
    public String arm;

    @Column(name = "strategy", length = 16)
    public String strategy;

    @Column(name = "intent", length = 64)
    public String intent;

    @Column(name = "channel", length = 16)
    public String channel;

    @Column(name = "language", length = 16)
    public String language;

    @Column(name = "emotion_band", length = 16)
    public String emotionBand;

    @Column(name = "tier", length = 32)
    public String tier;

    @Column(name = "resolved", nullable = false)
    public boolean resolved;

    @Column(name = "transferred", nullable = false)
    public boolean transferred;

    /** The customer's survey score 1-5, when they answered. */
    @Column(name = "satisfaction")
    public Integer satisfaction;

    @Column(name = "handle_seconds")
    public Double handleSeconds;

    /** From arrival to the agent's answer. */
    @Column(name = "waited_millis")
    public Long waitedMillis;

    @Column(name = "end_emotion", length = 32)
    public String endEmotion;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;
}
