package dev.alicia.presence.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.kit.messaging.IncomingRecord;
import dev.alicia.kit.messaging.InvalidRecordException;
import dev.alicia.presence.service.PresenceService;
import io.quarkus.runtime.StartupEvent;

/** Keeps agents' load in step with the router's decisions: offered and assigned → held, released
 * or abandoned → freed, ended or transferred → −1 and wrap-up. */
@ApplicationScoped
public class ContactLifecycleConsumer {

    public static final String TOPIC = "routing.events";

    private final PresenceService presence;

    public ContactLifecycleConsumer(PresenceService presence) {
        this.presence = presence;
    }

    void start(@Observes StartupEvent startup, ConsumerLoops loops) {
        loops.start(TOPIC, "agent-presence-service", ContactRouted.class, this::handle);
    }

    void handle(IncomingRecord<ContactRouted> record) throws InvalidRecordException {
        ContactRouted event = record.value();
        switch (event.type()) {
            case ContactRouted.OFFERED,
                    ContactRouted.ASSIGNED,
                    ContactRouted.ENDED,
                    ContactRouted.RELEASED,
                    ContactRouted.TRANSFERRED -> {
                if (event.agentId() == null || event.agentId().isBlank()) {
                    throw new InvalidRecordException("agentId is required for " + event.type());
                }
                presence.contactEvent(event);
            }
            case ContactRouted.ABANDONED -> {
                if (event.agentId() != null && !event.agentId().isBlank()) {
                    presence.contactEvent(event);
                }
            }
            default -> {
                // queued, offered, widened...: no change of load
            }
        }
    }
}
