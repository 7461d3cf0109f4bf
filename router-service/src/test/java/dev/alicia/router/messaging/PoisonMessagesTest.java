package dev.alicia.router.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.support.ContactCenterFloor;
import dev.alicia.testing.Api;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.PoisonRecords;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every consumer of the router, fed every kind of poison (see {@link PoisonRecords}) on one key and then a good
 * record: each poison is on the dead-letter topic with its reason, and the good record after them is processed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class PoisonMessagesTest {

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    LivePresenceStore presence;

    @Inject
    RedisDataSource redis;

    private ContactCenterFloor floor;

    @BeforeEach
    void newFloor() {
        floor = new ContactCenterFloor(kafka, presence, redis);
    }

    /** The router's consumers (the live views' consumers only feed browsers and have no group of their own). */
    enum Consumer {
        CONTACTS_INBOUND,
        PRESENCE_CHANGES,
        OUTCOMES,
        ERASURES,
        DECISION_LOG
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Consumer.class)
    void every_kind_of_poison_goes_to_the_dead_letter_topic_with_its_reason_and_the_next_record_is_still_processed(
            Consumer consumer) {
        switch (consumer) {
            case CONTACTS_INBOUND -> contactsInbound();
            case PRESENCE_CHANGES -> presenceChanges();
            case OUTCOMES -> outcomes();
            case ERASURES -> erasures();
            case DECISION_LOG -> decisionLog();
            default -> throw new IllegalArgumentException(consumer.name());
        }
    }

    private void contactsInbound() {
        floor.agent("ana", "fr", "cards", 3);
        String good = """
                {"contactId": "p-1", "tenantId": "%s", "customerId": "cust-p", "channel": "VOICE",
                 "language": "fr", "intent": "cards", "arrivedAt": "2026-11-25T08:02:11Z"}
                """.formatted(floor.tenant);
        PoisonRecords.from(good)
                .textField("intent")
                .idField("contactId")
                .requiredField("customerId")
                .enumField("channel", "CARRIER_PIGEON")
                .typedField("arrivedAt", "yesterday morning")
                .assertDeadLetteredThenGoodProcessed(
                        kafka, ContactCenterFloor.INBOUND, "router-service", floor.tenant + ":p-1", good);
        assertThat(floor.await("p-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("ana");
    }

    private void presenceChanges() {
        String good = """
                {"tenantId": "%s", "agentId": "ana", "status": "AVAILABLE", "routableChannels": ["VOICE", "CHAT"],
                 "removed": false}
                """.formatted(floor.tenant);
        PoisonRecords.from(good)
                .textField("agentId")
                .idField("agentId")
                .requiredField("tenantId")
                .enumField("routableChannels", List.of("CARRIER_PIGEON"))
                .typedField("removed", "perhaps")
                .assertDeadLetteredThenGoodProcessed(
                        kafka, ContactCenterFloor.PRESENCE, "router-service", floor.tenant + ":ana", good);
    }

    private void outcomes() {
        floor.agent("kim", Map.of("fr", 5), Map.of("cards", 4), Map.of());
        floor.arrive("o-1", "cust-o", "CHAT");
        floor.await("o-1", "CONTACT_OFFERED");
        Api.asAgent(floor.tenant, "kim")
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"kim\"}")
                .post("/contacts/o-1/accept")
                .then()
                .statusCode(200);
        String good = """
                {"tenantId": "%s", "contactId": "o-1", "agentId": "kim", "resolved": true, "satisfaction": 4,
                 "handleSeconds": 120, "endEmotion": "CALM"}
                """.formatted(floor.tenant);
        // No enum field: endEmotion is free text (bounded), as the REST outcome.
        PoisonRecords.from(good)
                .textField("endEmotion")
                .idField("contactId")
                .requiredField("resolved")
                .typedField("satisfaction", "five")
                .assertDeadLetteredThenGoodProcessed(
                        kafka, OutcomesConsumer.TOPIC, "router-outcomes", floor.tenant + ":o-1", good);
    }

    private void erasures() {
        String good = """
                {"tenantId": "%s", "customerId": "cust-e", "erasedAt": "2026-11-25T08:02:11Z"}
                """.formatted(floor.tenant);
        // Only two fields, both ids: no enum and no field of another type than text.
        PoisonRecords.from(good)
                .textField("customerId")
                .idField("customerId")
                .requiredField("tenantId")
                .assertDeadLetteredThenGoodProcessed(
                        kafka, ErasuresConsumer.TOPIC, "router-erasures", floor.tenant + ":cust-e", good);
    }

    private void decisionLog() {
        String good = """
                {"eventId": "%s", "type": "CONTACT_QUEUED", "tenantId": "%s", "contactId": "d-1",
                 "customerId": "cust-d", "channel": "VOICE", "queue": "general", "position": 1,
                 "estimatedWaitSeconds": 30, "occurredAt": "2026-11-25T08:02:11Z"}
                """.formatted(UUID.randomUUID(), floor.tenant);
        PoisonRecords.from(good)
                .textField("queue")
                .idField("eventId")
                .requiredField("occurredAt")
                .enumField("type", "CONTACT_TELEPORTED")
                .typedField("score", "high")
                .assertDeadLetteredThenGoodProcessed(
                        kafka, RoutingEvents.TOPIC, "router-decision-log", floor.tenant + ":d-1", good);
    }

    @Test
    void a_record_over_the_brokers_one_megabyte_limit_is_refused_to_its_producer_and_never_reaches_a_consumer() {
        assertThatThrownBy(() -> kafka.sendBytes(
                        ContactCenterFloor.INBOUND, floor.tenant + ":too-big", new byte[2 * 1024 * 1024]))
                .hasRootCauseInstanceOf(RecordTooLargeException.class);
    }
}
