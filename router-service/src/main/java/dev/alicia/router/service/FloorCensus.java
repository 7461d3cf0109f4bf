package dev.alicia.router.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.domain.Scarcity;
import org.jboss.logging.Logger;

/**
 * Which languages and skills are rare among the agents logged in, per tenant, for the ranker's scarcity factor.
 * A floor changes over minutes, not per contact: the count is taken once, then again in the background at most
 * every {@code alicia.router.census-interval} (0: counted for every decision, as tests want), so a decision never
 * waits for it after the first.
 */
@ApplicationScoped
public class FloorCensus {

    private static final Logger LOG = Logger.getLogger(FloorCensus.class);

    private record Count(Scarcity scarcity, long takenAt, AtomicBoolean recounting) {}

    private final LivePresenceStore presence;
    private final long intervalNanos;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final ExecutorService counting = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "floor-census");
        thread.setDaemon(true);
        return thread;
    });

    public FloorCensus(LivePresenceStore presence, RouterConfig config) {
        this.presence = presence;
        this.intervalNanos = config.censusInterval().toNanos();
    }

    /** How rare each language and skill is on the tenant's floor now (within the census interval). */
    public Scarcity of(String tenantId) {
        if (intervalNanos == 0) {
            return count(tenantId);
        }
        Count last = counts.get(tenantId);
        if (last == null) {
            Scarcity first = count(tenantId);
            counts.put(tenantId, new Count(first, System.nanoTime(), new AtomicBoolean()));
            return first;
        }
        if (System.nanoTime() - last.takenAt() > intervalNanos
                && last.recounting().compareAndSet(false, true)) {
            counting.execute(() -> {
                try {
                    counts.put(tenantId, new Count(count(tenantId), System.nanoTime(), new AtomicBoolean()));
                } catch (RuntimeException e) {
                    // The last count serves until the next attempt.
                    LOG.warnf("could not count the floor of %s: %s", tenantId, e.toString());
                    last.recounting().set(false);
                }
            });
        }
        return last.scarcity();
    }

    private Scarcity count(String tenantId) {
        Scarcity.Builder census = Scarcity.census();
        for (LiveAgent agent : presence.all(tenantId)) {
            if (agent.status() != AgentStatus.OFFLINE) {
                census.add(agent.languages(), agent.skills());
            }
        }
        return census.build();
    }

    @PreDestroy
    void stop() {
        counting.shutdownNow();
    }
}
