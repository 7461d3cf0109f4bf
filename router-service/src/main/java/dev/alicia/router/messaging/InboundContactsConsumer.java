package dev.alicia.router.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.kit.messaging.IncomingRecord;
import dev.alicia.router.service.RoutingService;
import io.quarkus.runtime.StartupEvent;

/** Routes every contact that arrives on the inbound topic. */
@ApplicationScoped
public class InboundContactsConsumer {

    /** Keyed {@code <tenantId>:<contactId>}: contacts spread evenly over partitions and router instances. */
    public static final String TOPIC = "contacts.inbound";

    private final RoutingService routing;

    public InboundContactsConsumer(RoutingService routing) {
        this.routing = routing;
    }

    void start(@Observes StartupEvent startup, ConsumerLoops loops) {
        loops.start(TOPIC, "router-service", ContactArrived.class, this::handle);
    }

    void handle(IncomingRecord<ContactArrived> record) {
        routing.route(record.value());
    }
}
