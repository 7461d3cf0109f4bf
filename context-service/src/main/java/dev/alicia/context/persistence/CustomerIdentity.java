package dev.alicia.context.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.alicia.context.domain.IdentityType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A channel identity (phone, email, handle) and the customer it belongs to: one customer per identity. */
@Entity
@Table(
        name = "customer_identity",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_identity",
                        columnNames = {"tenant_id", "identity_type", "identity_value"}))
public class CustomerIdentity extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "tenant_id", nullable = false, length = 63)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_type", nullable = false, length = 16)
    public IdentityType type;

    @Column(name = "identity_value", nullable = false, length = 256)
    public String value;

    @Column(name = "customer_id", nullable = false, length = 128)
    public String customerId;

    public static Optional<CustomerIdentity> find(String tenantId, IdentityType type, String value) {
        return find("tenantId = ?1 and type = ?2 and value = ?3", tenantId, type, value)
                .firstResultOptional();
    }

    public static List<CustomerIdentity> of(String tenantId, String customerId) {
        return list("tenantId = ?1 and customerId = ?2", tenantId, customerId);
    }
}
