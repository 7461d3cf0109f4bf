package dev.alicia.router.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.router.store.ContactState;
import dev.alicia.router.store.RouterStore;
import dev.alicia.router.store.SideWrites;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Live figures per queue, shared by all router instances in Redis by 15-minute interval (the contact-center
 * reporting interval) and summed over the configured window: waiting, longest wait, service level, abandonment,
 * average speed of answer and handle time. The same events feed Prometheus counters and timers.
 */
@ApplicationScoped
public class QueueStatistics {

    static final Duration INTERVAL = Duration.ofMinutes(15);

    /** What a queue looks like now. Rates are {@code null} while nothing was answered or abandoned. */
    public record Figures(
            String queue,
            long waiting,
            long longestWaitSeconds,
            long arrived,
            long answered,
            long abandoned,
            Double serviceLevel,
            Double abandonmentRate,
            Double averageSpeedOfAnswerSeconds,
            Double averageHandleSeconds,
            long serviceLevelThresholdSeconds,
            long windowSeconds) {}

    private final RouterStore store;
    private final RouterConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final java.util.Set<String> gauged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public QueueStatistics(RouterStore store, RouterConfig config, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    // Each event comes in two parts: the shared counters in Redis, written with the contact's own change
    // (SideWrites: in its round trip, and only if it happens), then this instance's Prometheus metrics once it has.

    public SideWrites arrival(ContactState contact) {
        return counts(contact, Map.of("arrived", 1L));
    }

    public void arrived(ContactState contact) {
        gauge(contact.tenantId(), contact.queue());
        metrics.counter("alicia.router.contacts.arrived", "tenant", contact.tenantId(), "queue", contact.queue())
                .increment();
    }

    public SideWrites answer(ContactState contact, long waitedMillis) {
        boolean inThreshold = waitedMillis
                <= settings(contact.queue()).serviceLevelThreshold().toMillis();
        return counts(
                contact,
                Map.of("answered", 1L, "waitMillis", waitedMillis, "answeredInThreshold", inThreshold ? 1L : 0L));
    }

    public void answered(ContactState contact, long waitedMillis) {
        metrics.counter("alicia.router.contacts.answered", "tenant", contact.tenantId(), "queue", contact.queue())
                .increment();
        Timer.builder("alicia.router.speed.of.answer")
                .tags("tenant", contact.tenantId(), "queue", contact.queue())
                .register(metrics)
                .record(Duration.ofMillis(waitedMillis));
    }

    public SideWrites abandonment(ContactState contact) {
        return counts(contact, Map.of("abandoned", 1L));
    }

    public void abandoned(ContactState contact) {
        metrics.counter("alicia.router.contacts.abandoned", "tenant", contact.tenantId(), "queue", contact.queue())
                .increment();
    }

    public SideWrites handling(ContactState contact, long handleMillis) {
        return counts(contact, Map.of("handled", 1L, "handleMillis", handleMillis));
    }

    public Figures figures(String tenantId, String queue) {
        long now = clock.millis();
        long window = config.statisticsWindow().toMillis();
        Map<String, Long> sums = counters(tenantId, queue, now);
        long answered = sums.getOrDefault("answered", 0L);
        long abandoned = sums.getOrDefault("abandoned", 0L);
        long handled = sums.getOrDefault("handled", 0L);
        long ended = answered + abandoned;
        return new Figures(
                queue,
                store.waiting(tenantId, queue),
                store.longestWaitingSince(tenantId, queue)
                        .map(since -> Math.max(0, now - since) / 1000)
                        .orElse(0L),
                sums.getOrDefault("arrived", 0L),
                answered,
                abandoned,
                ended == 0 ? null : ratio(sums.getOrDefault("answeredInThreshold", 0L), ended),
                ended == 0 ? null : ratio(abandoned, ended),
                answered == 0 ? null : round(sums.getOrDefault("waitMillis", 0L) / 1000.0 / answered),
                handled == 0 ? null : round(sums.getOrDefault("handleMillis", 0L) / 1000.0 / handled),
                settings(queue).serviceLevelThreshold().toSeconds(),
                window / 1000);
    }

    /** Recent average handle time of the queue, for wait estimates; the configured default without history. */
    public long averageHandleMillis(String tenantId, String queue) {
        Map<String, Long> sums = counters(tenantId, queue, clock.millis());
        long handled = sums.getOrDefault("handled", 0L);
        return handled == 0
                ? settings(queue).defaultHandleTime().toMillis()
                : sums.getOrDefault("handleMillis", 0L) / handled;
    }

    /** The queue's counters summed over the intervals of the statistics window. */
    private Map<String, Long> counters(String tenantId, String queue, long now) {
        long window = config.statisticsWindow().toMillis();
        List<Long> intervals = new ArrayList<>();
        for (long start = intervalStart(now); start > now - window; start -= INTERVAL.toMillis()) {
            intervals.add(start);
        }
        return store.counters(tenantId, queue, intervals);
    }

    /**
     * Prometheus gauges of a queue's live state, registered the first time a contact arrives in it on this
     * instance; read from Redis at scrape time, so every instance reports the same shared figures.
     */
    private void gauge(String tenantId, String queue) {
        if (!gauged.add(tenantId + "/" + queue)) {
            return;
        }
        Gauge.builder("alicia.router.queue.waiting", () -> store.waiting(tenantId, queue))
                .description("Contacts waiting in the queue now")
                .tags("tenant", tenantId, "queue", queue)
                .register(metrics);
        Gauge.builder(
                        "alicia.router.queue.longest.wait.seconds",
                        () -> store.longestWaitingSince(tenantId, queue)
                                .map(since -> Math.max(0, clock.millis() - since) / 1000.0)
                                .orElse(0.0))
                .description("How long the longest-waiting contact of the queue has waited")
                .tags("tenant", tenantId, "queue", queue)
                .register(metrics);
    }

    RouterConfig.QueueSettings settings(String queue) {
        return config.queues().getOrDefault(queue, config.defaults());
    }

    private SideWrites counts(ContactState contact, Map<String, Long> deltas) {
        return store.counts(
                contact.tenantId(),
                contact.queue(),
                intervalStart(clock.millis()),
                config.statisticsWindow().plus(INTERVAL),
                deltas);
    }

    private static long intervalStart(long now) {
        return now - Math.floorMod(now, INTERVAL.toMillis());
    }

    private static double ratio(long part, long whole) {
        return round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
