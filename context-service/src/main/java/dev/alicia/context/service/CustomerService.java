package dev.alicia.context.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.alicia.context.api.ContextView;
import dev.alicia.context.api.ProfileRequest;
import dev.alicia.context.api.ProfileView;
import dev.alicia.context.persistence.CustomerProfile;
import dev.alicia.context.store.CustomerContextStore;
import dev.alicia.kit.api.ProblemException;

/** Customer profiles (database) and their live context (Redis), read and written together. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CustomerService {

    private final CustomerContextStore store;

    public CustomerService(CustomerContextStore store) {
        this.store = store;
    }

    public ProfileView saveProfile(String tenantId, String customerId, ProfileRequest request) {
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
        return view(profile);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContextView context(String tenantId, String customerId) {
        ProfileView profile = CustomerProfile.find(tenantId, customerId)
                .map(CustomerService::view)
                .orElse(null);
        var features = store.features(tenantId, customerId);
        var journey = store.journey(tenantId, customerId);
        if (profile == null && journey.isEmpty()) {
            throw ProblemException.notFound("customer", customerId);
        }
        return new ContextView(customerId, profile, features, journey);
    }

    private static ProfileView view(CustomerProfile profile) {
        return new ProfileView(profile.customerId, profile.displayName, profile.preferredLanguage, profile.register);
    }
}
