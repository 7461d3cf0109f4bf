package dev.alicia.router.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.kit.messaging.IncomingRecord;
import dev.alicia.router.service.RouterConfig;
import dev.alicia.router.service.RoutingService;
import io.quarkus.runtime.StartupEvent;

/**
 * Routes every contact that arrives on the inbound topic. A poll's contacts are routed side by side (routing is
 * mostly waiting on Redis), each contact's records in order; the poll is committed once all are routed, so a
 * failure reads the poll again and the admitted contacts are skipped (one left in flight by the failure is queued
 * by the sweeper).
 */
@ApplicationScoped
public class InboundContactsConsumer {

    /** Keyed {@code <tenantId>:<contactId>}: contacts spread evenly over partitions and router instances. */
    public static final String TOPIC = "contacts.inbound";

    private static final long POLL_DEADLINE_SECONDS = 60;

    private final RoutingService routing;
    private final ExecutorService workers;

    public InboundContactsConsumer(RoutingService routing, RouterConfig config) {
        this.routing = routing;
        this.workers = Executors.newFixedThreadPool(config.intakeParallelism(), r -> {
            Thread thread = new Thread(r, "route-contacts");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(@Observes StartupEvent startup, ConsumerLoops loops) {
        loops.startBatch(TOPIC, "router-service", ContactArrived.class, this::routeAll);
    }

    void routeAll(List<IncomingRecord<ContactArrived>> records) {
        Map<String, List<ContactArrived>> byContact = new LinkedHashMap<>();
        for (IncomingRecord<ContactArrived> record : records) {
            ContactArrived contact = record.value();
            byContact
                    .computeIfAbsent(contact.tenantId() + ":" + contact.contactId(), k -> new ArrayList<>())
                    .add(contact);
        }
        List<CompletableFuture<Void>> routed = new ArrayList<>(byContact.size());
        for (List<ContactArrived> sameContact : byContact.values()) {
            routed.add(CompletableFuture.runAsync(() -> sameContact.forEach(routing::route), workers));
        }
        try {
            CompletableFuture.allOf(routed.toArray(CompletableFuture[]::new))
                    .get(POLL_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("routing a poll of " + records.size() + " contacts took too long", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
