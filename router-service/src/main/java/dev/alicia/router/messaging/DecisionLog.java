package dev.alicia.router.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.kit.messaging.IncomingRecord;
import dev.alicia.router.service.Decisions;
import io.quarkus.runtime.StartupEvent;

/**
 * Records every routing decision in the database from {@value RoutingEvents#TOPIC}, a poll at a time, so the
 * routing path never waits for the database: the topic is the first durable record, the table the one for audit
 * and learning. Instances share the partitions (group {@code router-decision-log}); a redelivery is skipped.
 */
@ApplicationScoped
public class DecisionLog {

    private final Decisions decisions;

    public DecisionLog(Decisions decisions) {
        this.decisions = decisions;
    }

    void start(@Observes StartupEvent startup, ConsumerLoops loops) {
        loops.startBatch(RoutingEvents.TOPIC, "router-decision-log", RecordedDecision.class, this::recordAll);
    }

    void recordAll(List<IncomingRecord<RecordedDecision>> records) {
        decisions.record(records.stream()
                .map(r -> new Decisions.Published(r.value(), new String(r.raw(), StandardCharsets.UTF_8)))
                .toList());
    }
}
