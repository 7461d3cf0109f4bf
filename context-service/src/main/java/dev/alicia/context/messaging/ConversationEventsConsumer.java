package dev.alicia.context.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.context.service.ContextIngestion;
import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.kit.messaging.IncomingRecord;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/** Keeps each customer's context up to date from the conversation events every channel publishes. */
@ApplicationScoped
public class ConversationEventsConsumer {

    /**
     * Keyed {@code <tenantId>:<customerId>} (or {@code <tenantId>:<identity type>:<value>} when the adapter does not
     * know the customer): one customer's events, from any channel, stay in order.
     */
    public static final String TOPIC = "conversation.events";

    private static final Logger LOG = Logger.getLogger(ConversationEventsConsumer.class);

    private final ContextIngestion ingestion;

    public ConversationEventsConsumer(ContextIngestion ingestion) {
        this.ingestion = ingestion;
    }

    void start(@Observes StartupEvent startup, ConsumerLoops loops) {
        loops.startBatch(TOPIC, "context-service", ConversationEvent.class, this::handleAll);
    }

    /** A poll's events at once: appends are pipelined, each customer's in order. */
    void handleAll(List<IncomingRecord<ConversationEvent>> records) {
        ingestion.ingestAll(records.stream().map(IncomingRecord::value).toList());
        LOG.debugf("%d conversation event(s) ingested", records.size());
    }
}
