package dev.alicia.router.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.router.domain.learning.ArmComparison;
import dev.alicia.router.domain.learning.ContactKind;
import dev.alicia.router.domain.learning.ContactOutcome;
import dev.alicia.router.domain.learning.EmotionBand;
import dev.alicia.router.messaging.RoutingEvent;
import dev.alicia.router.store.ContactState;
import dev.alicia.router.store.RouterStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How contacts ended, as agents and platforms report it (over REST or on {@code contact.outcomes}): recorded once
 * per contact and agent with what the decision knew, and learned from. A transfer is an outcome too: the agent who
 * sends a contact on did not resolve it.
 */
@ApplicationScoped
public class Outcomes {

    /** What an agent or platform reports; all but {@code resolved} may be unknown. */
    public record Report(
            String agentId,
            boolean resolved,
            Integer satisfaction,
            boolean transferred,
            Double handleSeconds,
            String endEmotion) {}

    private static final String INSERT = """
            insert into contact_outcome
                (id, tenant_id, contact_id, agent_id, queue, arm, strategy, intent, channel, language, emotion_band,
                 tier, resolved, transferred, satisfaction, handle_seconds, waited_millis, end_emotion, reported_at)
            values (nextval('contact_outcome_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, contact_id, agent_id) do nothing
            """;

    private static final String BY_ARM = """
            select arm, count(*), sum(case when resolved then 1 else 0 end),
                   count(satisfaction), coalesce(avg(satisfaction), 0), coalesce(stddev_samp(satisfaction), 0),
                   count(waited_millis), coalesce(avg(waited_millis), 0), coalesce(stddev_samp(waited_millis), 0)
            from contact_outcome
            where tenant_id = ? and reported_at >= ? and arm is not null
            group by arm order by arm
            """;

    private final RouterStore store;
    private final Learning learning;
    private final DataSource database;
    private final Clock clock;

    public Outcomes(RouterStore store, Learning learning, DataSource database, Clock clock) {
        this.store = store;
        this.learning = learning;
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records the outcome of a contact its agent answered; false when it was recorded already (a redelivery or a
     * retry: learned once).
     */
    public boolean report(String tenantId, String contactId, Report report) {
        ContactState state = store.find(tenantId, contactId).orElseThrow(() -> RoutingProblems.unknown(contactId));
        boolean answered =
                state.status() == ContactState.Status.ASSIGNED || state.status() == ContactState.Status.ENDED;
        if (!answered || !report.agentId().equals(state.agentId())) {
            throw RoutingProblems.notAssignedTo(contactId, report.agentId());
        }
        return record(state, report);
    }

    /** Records the outcome for the agent of {@code answered} (its decision tells what kind of contact it was). */
    boolean record(ContactState answered, Report report) {
        RoutingEvent decision = answered.offer();
        ContactKind kind = new ContactKind(
                decision == null ? answered.contact().intent() : decision.intent(),
                answered.contact().channel().name(),
                decision == null ? answered.contact().language() : decision.language(),
                decision == null || decision.emotionBand() == null
                        ? EmotionBand.CALM
                        : EmotionBand.valueOf(decision.emotionBand()),
                answered.contact().tier());
        boolean inserted = QuarkusTransaction.requiringNew().call(() -> insert(answered, decision, kind, report));
        if (inserted) {
            // A transferred contact was not resolved by this agent, whatever the report says.
            learning.learner(answered.tenantId())
                    .record(
                            report.agentId(),
                            kind,
                            new ContactOutcome(
                                    report.resolved() && !report.transferred(),
                                    report.satisfaction() == null
                                            ? null
                                            : report.satisfaction().doubleValue(),
                                    report.handleSeconds() == null ? 0 : report.handleSeconds()));
        }
        return inserted;
    }

    private boolean insert(ContactState state, RoutingEvent decision, ContactKind kind, Report report) {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, state.tenantId());
            insert.setString(2, state.contactId());
            insert.setString(3, report.agentId());
            insert.setString(4, state.queue());
            insert.setString(5, decision == null ? null : decision.arm());
            insert.setString(
                    6,
                    decision == null || decision.strategy() == null
                            ? null
                            : decision.strategy().name());
            insert.setString(7, kind.intent());
            insert.setString(8, kind.channel());
            insert.setString(9, kind.language());
            insert.setString(10, kind.emotionBand().name());
            insert.setString(11, kind.tier());
            insert.setBoolean(12, report.resolved() && !report.transferred());
            insert.setBoolean(13, report.transferred());
            insert.setObject(14, report.satisfaction(), Types.INTEGER);
            insert.setObject(15, report.handleSeconds(), Types.DOUBLE);
            insert.setObject(16, state.answeredAt() > 0 ? state.answeredAt() - state.queuedAt() : null, Types.BIGINT);
            insert.setString(17, report.endEmotion());
            insert.setObject(18, Instant.ofEpochMilli(clock.millis()).atOffset(ZoneOffset.UTC));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the outcome of a contact", e);
        }
    }

    /** Resolution, satisfaction and speed of answer per A/B arm, over the outcomes reported since {@code since}. */
    public ArmComparison.Report report(String tenantId, Instant since) {
        List<ArmComparison.Counts> counts = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = database.getConnection();
                    PreparedStatement query = connection.prepareStatement(BY_ARM)) {
                query.setString(1, tenantId);
                query.setObject(2, since.atOffset(ZoneOffset.UTC));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.add(new ArmComparison.Counts(
                                rows.getString(1),
                                rows.getLong(2),
                                rows.getLong(3),
                                rows.getLong(4),
                                rows.getDouble(5),
                                rows.getDouble(6),
                                rows.getLong(7),
                                rows.getDouble(8),
                                rows.getDouble(9)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the outcomes", e);
            }
        });
        return ArmComparison.compare(counts);
    }
}
