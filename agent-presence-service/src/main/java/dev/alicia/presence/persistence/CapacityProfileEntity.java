package dev.alicia.presence.persistence;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A named capacity profile of a tenant, shared by the agents who work that way. */
@Entity
@Table(
        name = "capacity_profile",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_profile_tenant_name",
                        columnNames = {"tenant_id", "name"}))
public class CapacityProfileEntity extends PanacheEntityBase {

    /** The profile every tenant has without defining it: {@link CapacityProfile#standard()}. */
    public static final String STANDARD = "standard";

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "tenant_id", nullable = false, length = 63)
    public String tenantId;

    @Column(name = "name", nullable = false, length = 64)
    public String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "capacity_limit", joinColumns = @JoinColumn(name = "profile"))
    @MapKeyColumn(name = "channel", length = 16)
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "max_concurrent")
    public Map<Channel, Integer> perChannel = new HashMap<>();

    @Column(name = "max_total", nullable = false)
    public int maxTotal;

    public CapacityProfile toModel() {
        return new CapacityProfile(perChannel.isEmpty() ? Map.of() : new EnumMap<>(perChannel), maxTotal);
    }

    public static Optional<CapacityProfileEntity> find(String tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    public static List<CapacityProfileEntity> ofTenant(String tenantId) {
        return list("tenantId = ?1 order by name", tenantId);
    }

    /** The profile's rules: a stored one, or the standard profile when the tenant did not redefine it. */
    public static Optional<CapacityProfile> resolve(String tenantId, String name) {
        Optional<CapacityProfile> stored = find(tenantId, name).map(CapacityProfileEntity::toModel);
        if (stored.isEmpty() && STANDARD.equals(name)) {
            return Optional.of(CapacityProfile.standard());
        }
        return stored;
    }
}
