package dev.alicia.presence.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Ends each wrap-up after the configured time. The timer only asks; the presence rules decide (an agent who
 * meanwhile chose BREAK or OFFLINE stays there).
 */
@ApplicationScoped
public class WrapUpTimer {

    private static final Logger LOG = Logger.getLogger(WrapUpTimer.class);

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
        scheduler.schedule(
                () -> {
                    try {
                        whenOver.accept(tenantId, agentId);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "could not end the wrap-up of agent %s of tenant %s", agentId, tenantId);
                    }
                },
                config.wrapUp().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
