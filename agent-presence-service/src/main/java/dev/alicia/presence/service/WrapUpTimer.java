package dev.alicia.presence.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.api.ProblemException;
import org.jboss.logging.Logger;

/**
 * Ends each wrap-up after the configured time. The timer only asks; the presence rules decide (an agent who
 * meanwhile chose BREAK or OFFLINE stays there).
 */
@ApplicationScoped
public class WrapUpTimer {

    private static final Logger LOG = Logger.getLogger(WrapUpTimer.class);
    private static final long RETRY_MILLIS = 1_000;
    /** An hour of retries: longer than any store outage the service is expected to ride out. */
    private static final int MAX_ATTEMPTS = 3_600;

    private final PresenceConfig config;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "wrap-up-timer");
        thread.setDaemon(true);
        return thread;
    });

    public WrapUpTimer(PresenceConfig config) {
        this.config = config;
    }

    void schedule(String tenantId, String agentId, BiConsumer<String, String> whenOver) {
        schedule(tenantId, agentId, whenOver, config.wrapUp().toMillis(), 0);
    }

    /**
     * A wrap-up that cannot be ended now (Redis unreachable: a restart) is tried again every second: given up, the
     * agent would stay in WRAP_UP for good and never be offered a contact again (found by the Redis restart of
     * adapters' FaultToleranceTest). An agent the roster no longer has is not tried again.
     */
    private void schedule(
            String tenantId, String agentId, BiConsumer<String, String> whenOver, long delayMillis, int attempt) {
        scheduler.schedule(
                () -> {
                    try {
                        whenOver.accept(tenantId, agentId);
                    } catch (ProblemException gone) {
                        LOG.infof(
                                "wrap-up of agent %s of tenant %s not ended: %s", agentId, tenantId, gone.getMessage());
                    } catch (RuntimeException e) {
                        if (attempt < MAX_ATTEMPTS) {
                            if (attempt == 0) {
                                LOG.warnf(
                                        "could not end the wrap-up of agent %s of tenant %s yet, retrying every"
                                                + " second: %s",
                                        agentId, tenantId, e.toString());
                            }
                            schedule(tenantId, agentId, whenOver, RETRY_MILLIS, attempt + 1);
                        } else {
                            LOG.errorf(e, "gave up ending the wrap-up of agent %s of tenant %s", agentId, tenantId);
                        }
                    }
                },
                delayMillis,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
