package dev.alicia.router.service;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.router.store.RouterStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * What only time can trigger: offers nobody answered, widening steps of waiting contacts, contacts stranded by
 * a router that died, and the agent reservations such a router left behind. Matching waiting contacts to agents who free up does not wait for it: presence events do
 * that at once. Every instance sweeps; each item is taken by one of them (the store's claims).
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);
    /**
     * Orphaned reservations are rare (a router killed mid-offer) and finding them reads every agent: every 10 s per
     * tenant, by one instance (whichever takes the turn), however many there are.
     */
    private static final long ORPHANS_EVERY_MILLIS = 10_000;

    private final RoutingService routing;
    private final RouterStore store;
    private final RouterConfig config;
    private final Decisions decisions;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public Sweeper(RoutingService routing, RouterStore store, RouterConfig config, Decisions decisions, Clock clock) {
        this.routing = routing;
        this.store = store;
        this.config = config;
        this.decisions = decisions;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        long every = config.sweepInterval().toMillis();
        if (every <= 0) {
            LOG.info("periodic sweep off (alicia.router.sweep-interval=0)");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "router-sweeper"));
        timer.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("sweep failed, next one retries: %s", e.toString());
        }
    }

    /** One pass over every tenant; returns how many items it moved on. */
    public int sweep() {
        int moved = 0;
        long now = clock.millis();
        for (String tenantId : store.tenants()) {
            moved += routing.expireOffers(tenantId);
            moved += routing.widen(tenantId);
            moved += routing.recoverInFlight(tenantId);
            if (store.takeTurn(tenantId, "orphaned-reservations", now, ORPHANS_EVERY_MILLIS)) {
                moved += routing.releaseOrphanedReservations(tenantId);
            }
        }
        decisions.flush();
        return moved;
    }
}
