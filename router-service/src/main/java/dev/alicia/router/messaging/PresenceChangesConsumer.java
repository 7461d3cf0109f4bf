package dev.alicia.router.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.kit.messaging.IncomingRecord;
import dev.alicia.router.service.RoutingService;
import io.quarkus.runtime.StartupEvent;

/**
 * Matches waiting contacts the moment an agent has room again: the presence service's change event is the
 * trigger, not a polling loop. Keyed by agent, each change is handled by one router instance.
 */
@ApplicationScoped
public class PresenceChangesConsumer {

    public static final String TOPIC = "agent.presence";

    private final RoutingService routing;

    public PresenceChangesConsumer(RoutingService routing) {
        this.routing = routing;
    }

    void start(@Observes StartupEvent startup, ConsumerLoops loops) {
        loops.start(TOPIC, "router-service", PresenceChanged.class, this::handle);
    }

    void handle(IncomingRecord<PresenceChanged> record) {
        PresenceChanged change = record.value();
        if (!change.removed()
                && change.routableChannels() != null
                && !change.routableChannels().isEmpty()) {
            routing.serveAgent(change.tenantId(), change.agentId());
        }
    }
}
