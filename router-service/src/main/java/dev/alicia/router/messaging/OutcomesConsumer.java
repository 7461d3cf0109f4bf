package dev.alicia.router.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.kit.api.ProblemException;
import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.kit.messaging.IncomingRecord;
import dev.alicia.kit.messaging.InvalidRecordException;
import dev.alicia.router.service.Outcomes;
import io.quarkus.runtime.StartupEvent;

/**
 * Outcomes reported on Kafka are learned from like those over REST; keyed by contact, a contact's reports are
 * read in order by one instance, and a redelivery is recorded once. A report about a contact the agent never
 * answered goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class OutcomesConsumer {

    public static final String TOPIC = "contact.outcomes";

    private final Outcomes outcomes;

    public OutcomesConsumer(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    void start(@Observes StartupEvent startup, ConsumerLoops loops) {
        loops.start(TOPIC, "router-outcomes", OutcomeReported.class, this::handle);
    }

    void handle(IncomingRecord<OutcomeReported> record) throws InvalidRecordException {
        OutcomeReported outcome = record.value();
        try {
            outcomes.report(
                    outcome.tenantId(),
                    outcome.contactId(),
                    new Outcomes.Report(
                            outcome.agentId(),
                            outcome.resolved(),
                            outcome.satisfaction(),
                            Boolean.TRUE.equals(outcome.transferred()),
                            outcome.handleSeconds(),
                            outcome.endEmotion()));
        } catch (ProblemException refused) {
            // An unknown contact, or an agent who never answered it: kept on the dead-letter topic, not learned.
            throw new InvalidRecordException(refused.getMessage());
        }
    }
}
