package dev.alicia.context.persistence;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.alicia.context.client.model.Register;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who a customer is and how they like to be spoken to. Durable; the live story is in Redis. */
@Entity
@Table(
        name = "customer_profile",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_customer_tenant_customer",
                        columnNames = {"tenant_id", "customer_id"}))
public class CustomerProfile extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "tenant_id", nullable = false, length = 63)
    public String tenantId;

    @Column(name = "customer_id", nullable = false, length = 128)
    public String customerId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "preferred_language", length = 8)
    public String preferredLanguage;

    @Enumerated(EnumType.STRING)
    @Column(name = "register", length = 16)
    public Register register;

    public static Optional<CustomerProfile> find(String tenantId, String customerId) {
        return find("tenantId = ?1 and customerId = ?2", tenantId, customerId).firstResultOptional();
    }
}
