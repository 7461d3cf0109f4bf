package dev.alicia.presence.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.presence.persistence.Agent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * At start, brings every tenant's live-presence indexes up to the generation this version keeps, so that agents
 * written to Redis by an older version are found by the router's queries at once, not at their next change. A
 * tenant already up to date costs one read; several instances starting together do the same idempotent work.
 */
@ApplicationScoped
public class IndexUpgrade {

    private static final Logger LOG = Logger.getLogger(IndexUpgrade.class);

    private final LivePresenceStore store;

    public IndexUpgrade(LivePresenceStore store) {
        this.store = store;
    }

    void onStart(@Observes StartupEvent startup) {
        List<String> tenants = QuarkusTransaction.requiringNew().call(Agent::tenants);
        for (String tenant : tenants) {
            int indexed = store.reindex(tenant);
            if (indexed > 0) {
                LOG.infof("tenant %s: %d agents indexed for this version's live-presence indexes", tenant, indexed);
            }
        }
    }
}
