package dev.alicia.router.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.alicia.context.client.model.ConversationEventType;
import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.context.client.redis.StoryReader;
import dev.alicia.router.messaging.RecordedDecision;
import dev.alicia.router.messaging.RoutingEvent;
import dev.alicia.router.messaging.RoutingEvents;
import dev.alicia.router.messaging.StoryNotes;
import dev.alicia.router.persistence.RoutingDecision;
import dev.alicia.router.store.ContactState;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Every decision is published on routing.events, and recorded from there in the database (for audit and for
 * learning from outcomes) off the routing path; what the router adds to a customer's story (a transfer) goes to
 * context-service like any channel's event.
 */
@ApplicationScoped
public class Decisions {

    private final RoutingEvents events;
    private final DataSource database;
    private final StoryNotes notes;
    private final StoryReader stories;
    private final ObjectReader reader;

    public Decisions(
            RoutingEvents events, StoryNotes notes, StoryReader stories, ObjectMapper mapper, DataSource database) {
        this.events = events;
        this.database = database;
        this.notes = notes;
        this.stories = stories;
        this.reader = mapper.readerFor(RoutingEvent.class);
    }

    /** Publishes the decision; {@link DecisionLog} records it in the database from the topic. */
    public void publish(RoutingEvent event) {
        events.publish(event);
    }

    /** Waits until the decisions taken so far are on the broker (before a REST action answers). */
    public void flush() {
        events.flush();
    }

    private static final String INSERT = """
            insert into routing_decision
                (id, event_id, tenant_id, contact_id, customer_id, type, queue, strategy, agent_id, score,
                 event_json, decided_at)
            values (nextval('routing_decision_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (event_id) do nothing
            """;

    /**
     * Records decisions read from the topic in one batch, once each: a redelivered event is skipped by the
     * database itself (unique event id).
     */
    /** A decision as the log read it: what it is indexed by, and the event as published. */
    public record Published(RecordedDecision decision, String json) {}

    public void record(List<Published> published) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = database.getConnection();
                    PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Published one : published) {
                    RecordedDecision event = one.decision();
                    insert.setString(1, event.eventId());
                    insert.setString(2, event.tenantId());
                    insert.setString(3, event.contactId());
                    insert.setString(4, event.customerId());
                    insert.setString(5, event.type().name());
                    insert.setString(6, event.queue());
                    insert.setString(7, event.strategy());
                    insert.setString(8, event.agentId());
                    insert.setObject(9, event.score(), Types.DOUBLE);
                    insert.setString(10, one.json());
                    insert.setObject(11, event.occurredAt().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("could not record " + published.size() + " decision(s)", e);
            }
        });
    }

    /** A customer was erased: their briefs leave the recorded decisions (see {@code ErasuresConsumer}). */
    public int eraseBriefs(String tenantId, String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> RoutingDecision.eraseBriefs(tenantId, customerId));
    }

    public List<RoutingEvent> history(String tenantId, String contactId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> RoutingDecision.history(tenantId, contactId).stream()
                        .map(d -> read(d.eventJson))
                        .toList());
    }

    /** The brief as context-service tells it, with what the router added to the story and it may not have yet. */
    public HandoffBrief brief(ContactState state, Instant now) {
        return stories.brief(
                state.tenantId(), state.contact().customerId(), state.contactId(), now, state.routerNotes());
    }

    /** The story's note of a transfer, so the next agent's brief says so ({@link #tell} it once saved). */
    public StoryEvent transferNote(ContactState moved, String fromAgent, String reason, long at) {
        StoryEvent note = new StoryEvent(
                "transfer-" + UUID.randomUUID(),
                moved.contact().customerId(),
                moved.contactId(),
                dev.alicia.context.client.model.Channel.valueOf(
                        moved.contact().channel().name()),
                ConversationEventType.TRANSFERRED,
                Instant.ofEpochMilli(at),
                null,
                "Transferred by " + fromAgent + " to "
                        + (moved.targetAgentId() != null ? "agent " + moved.targetAgentId() : "queue " + moved.queue())
                        + ": " + reason,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                fromAgent);
        return note;
    }

    /** Adds a note of the router's to the customer's story (context-service). */
    public void tell(String tenantId, StoryEvent note) {
        notes.publish(tenantId, note);
    }

    private RoutingEvent read(String json) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable recorded decision", e);
        }
    }
}
