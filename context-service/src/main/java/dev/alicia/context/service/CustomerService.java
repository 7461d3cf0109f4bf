package dev.alicia.context.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.alicia.context.api.ContextView;
import dev.alicia.context.api.ProfileRequest;
import dev.alicia.context.api.ProfileView;
import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.context.client.redis.StoryReader;
import dev.alicia.context.messaging.ConversationEvent.ChannelIdentity;
import dev.alicia.context.messaging.ErasureEvents;
import dev.alicia.context.persistence.CustomerIdentity;
import dev.alicia.context.persistence.CustomerProfile;
import dev.alicia.context.store.CustomerContextStore;
import dev.alicia.kit.api.ProblemException;

/** Customer profiles and identities (database, identities mirrored in Redis) and their live story (Redis). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CustomerService {

    private final CustomerContextStore store;
    private final ErasureEvents erasures;
    private final StoryReader reader;
    private final Clock clock = Clock.systemUTC();

    public CustomerService(CustomerContextStore store, ErasureEvents erasures, StoryReader reader) {
        this.store = store;
        this.erasures = erasures;
        this.reader = reader;
    }

    /**
     * Erases everything kept about the customer, everywhere: profile and identities (database and Redis), the
     * story, its features and contact index (Redis); then tells the other services. Erasing twice is harmless.
     */
    public void erase(String tenantId, String customerId) {
        for (CustomerIdentity identity : CustomerIdentity.of(tenantId, customerId)) {
            store.unlinkIdentity(tenantId, identity.type, identity.value);
            identity.delete();
        }
        CustomerProfile.find(tenantId, customerId).ifPresent(CustomerProfile::delete);
        store.erase(tenantId, customerId);
        erasures.erased(tenantId, customerId);
    }

    public ProfileView saveProfile(String tenantId, String customerId, ProfileRequest request) {
        List<ChannelIdentity> identities = request.identities() == null ? List.of() : request.identities();
        for (ChannelIdentity identity : identities) {
            CustomerIdentity.find(tenantId, identity.type(), identity.value())
                    .filter(owner -> !owner.customerId.equals(customerId))
                    .ifPresent(owner -> {
                        throw ProblemException.conflict(
                                "identity " + identity.type() + " is already another customer's");
                    });
        }
        CustomerProfile profile = CustomerProfile.find(tenantId, customerId).orElseGet(() -> {
            CustomerProfile created = new CustomerProfile();
            created.tenantId = tenantId;
            created.customerId = customerId;
            return created;
        });
        profile.displayName = request.displayName();
        profile.preferredLanguage = request.preferredLanguage();
        profile.register = request.register();
        profile.persist();
        store.saveProfile(
                tenantId,
                customerId,
                profile.displayName,
                profile.preferredLanguage,
                profile.register == null ? null : profile.register.name());
        for (CustomerIdentity old : CustomerIdentity.of(tenantId, customerId)) {
            if (identities.stream()
                    .noneMatch(i -> i.type() == old.type && i.value().equals(old.value))) {
                old.delete();
                store.unlinkIdentity(tenantId, old.type, old.value);
            }
        }
        for (ChannelIdentity identity : identities) {
            if (CustomerIdentity.find(tenantId, identity.type(), identity.value())
                    .isEmpty()) {
                CustomerIdentity link = new CustomerIdentity();
                link.tenantId = tenantId;
                link.type = identity.type();
                link.value = identity.value();
                link.customerId = customerId;
                link.persist();
            }
            store.linkIdentity(tenantId, identity.type(), identity.value(), customerId);
        }
        return view(profile, identities);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContextView context(String tenantId, String customerId) {
        Optional<CustomerProfile> profile = CustomerProfile.find(tenantId, customerId);
        List<StoryEvent> journey = store.journey(tenantId, customerId);
        if (profile.isEmpty() && journey.isEmpty()) {
            throw ProblemException.notFound("customer", customerId);
        }
        Map<String, String> features = store.features(tenantId, customerId);
        return new ContextView(
                customerId,
                profile.map(p -> view(p, identities(tenantId, customerId))).orElse(null),
                features,
                journey);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> routingFeatures(String tenantId, String customerId) {
        Map<String, String> features = store.features(tenantId, customerId);
        if (features.isEmpty()) {
            throw ProblemException.notFound("customer context", customerId);
        }
        return features;
    }

    /** The brief of a contact: the story of the customer it belongs to, told for the agent who picks it up. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HandoffBrief brief(String tenantId, String contactId) {
        String customerId = reader.customerOfContact(tenantId, contactId)
                .orElseThrow(() -> ProblemException.notFound("contact", contactId));
        return reader.brief(tenantId, customerId, contactId, clock.instant());
    }

    private static List<ChannelIdentity> identities(String tenantId, String customerId) {
        List<ChannelIdentity> identities = new ArrayList<>();
        for (CustomerIdentity identity : CustomerIdentity.of(tenantId, customerId)) {
            identities.add(new ChannelIdentity(identity.type, identity.value));
        }
        return identities;
    }

    private static ProfileView view(CustomerProfile profile, List<ChannelIdentity> identities) {
        return new ProfileView(
                profile.customerId, profile.displayName, profile.preferredLanguage, profile.register, identities);
    }
}
