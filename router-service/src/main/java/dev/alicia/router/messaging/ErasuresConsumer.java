package dev.alicia.router.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.kit.messaging.IncomingRecord;
import dev.alicia.router.service.Decisions;
import io.quarkus.runtime.StartupEvent;

/**
 * The right to erasure reaches the router's audit trail: when context-service erases a customer, the handoff
 * briefs the router kept in its decisions (name, story, what was captured) are removed too; the decisions
 * themselves (who was offered what, when, and why) stay for audit and learning, with nothing that tells the story.
 */
@ApplicationScoped
public class ErasuresConsumer {

    public static final String TOPIC = "context.erasures";

    private final Decisions decisions;

    public ErasuresConsumer(Decisions decisions) {
        this.decisions = decisions;
    }

    void start(@Observes StartupEvent startup, ConsumerLoops loops) {
        loops.start(TOPIC, "router-erasures", CustomerErasure.class, this::handle);
    }

    void handle(IncomingRecord<CustomerErasure> record) {
        decisions.eraseBriefs(record.value().tenantId(), record.value().customerId());
    }
}
