package dev.alicia.context.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.context.store.CustomerContextStore;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "context"))
class ConversationEventsConsumerTest {

    private static final String TOPIC = "conversation.events";

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    CustomerContextStore store;

    @Inject
    RedisDataSource redis;

    @Test
    void what_the_voicebot_understood_becomes_the_customers_routing_features() {
        String customer = newCustomer();
        kafka.send(TOPIC, "bank-b:" + customer, intentDetected("ev-" + customer, customer));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.features("bank-b", customer))
                        .containsEntry("language", "fr")
                        .containsEntry("intent", "stolen_card")
                        .containsEntry("lastChannel", "VOICEBOT"));
        assertThat(store.journey("bank-b", customer))
                .singleElement()
                .satisfies(event -> assertThat(event.entities()).containsEntry("cardLast4", "4821"));
        assertThat(redis.key().ttl("context:{bank-b:" + customer + "}:journey")).isPositive();
    }

    @Test
    void a_redelivered_event_is_not_appended_twice() {
        String customer = newCustomer();
        String first = intentDetected("ev-1-" + customer, customer);
        kafka.send(TOPIC, "bank-b:" + customer, first);
        kafka.send(TOPIC, "bank-b:" + customer, first);
        kafka.send(TOPIC, "bank-b:" + customer, stepTried("ev-2-" + customer, customer));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.journey("bank-b", customer))
                        .extracting(StoryEvent::eventId)
                        .containsExactly("ev-1-" + customer, "ev-2-" + customer));
    }

    @Test
    void malformed_records_go_to_the_dead_letter_topic_with_their_reason_and_the_next_record_is_processed() {
        String customer = newCustomer();
        String key = "bank-b:" + customer;
        kafka.send(TOPIC, key, "{\"eventId\": \"truncated");
        kafka.send(TOPIC, key, intentDetected("ev-bad-" + customer, customer).replace("VOICEBOT", "FAX"));
        kafka.send(TOPIC, key, intentDetected("ev-nocust-" + customer, customer).replace("\"customerId\"", "\"x\""));
        kafka.sendBytes(TOPIC, key, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        kafka.send(TOPIC, key, stepTried("ev-good-" + customer, customer));

        var deadLetters = kafka.awaitRecords(TOPIC + ".dlq", r -> key.equals(r.key()), 4, Duration.ofSeconds(30));
        assertThat(deadLetters)
                .extracting(r -> KafkaTestClient.header(r, "dlq.reason").orElseThrow())
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("not well-formed JSON"),
                        reason -> assertThat(reason).contains("channel").contains("VOICEBOT"),
                        reason -> assertThat(reason).contains("customerId"),
                        reason -> assertThat(reason).contains("not well-formed JSON"));
        ConsumerRecord<String, String> first = deadLetters.get(0);
        assertThat(KafkaTestClient.header(first, "dlq.original.topic")).contains(TOPIC);
        assertThat(KafkaTestClient.header(first, "dlq.original.offset")).isPresent();
        assertThat(KafkaTestClient.header(first, "dlq.consumer.group")).contains("context-service");
        assertThat(first.value().getBytes(StandardCharsets.UTF_8))
                .isEqualTo("{\"eventId\": \"truncated".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.journey("bank-b", customer))
                        .extracting(StoryEvent::eventId)
                        .containsExactly("ev-good-" + customer));
    }

    private static String newCustomer() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String intentDetected(String eventId, String customer) {
        return """
                {"eventId": "%s", "tenantId": "bank-b", "customerId": "%s", "contactId": "c-1",
                 "channel": "VOICEBOT", "type": "INTENT_DETECTED", "occurredAt": "2026-11-25T08:01:40Z",
                 "language": "fr", "text": "On m'a volé ma carte ce matin", "intent": "stolen_card",
                 "confidence": 0.93, "entities": {"cardLast4": "4821"}}
                """.formatted(eventId, customer);
    }

    static String stepTried(String eventId, String customer) {
        return """
                {"eventId": "%s", "tenantId": "bank-b", "customerId": "%s", "channel": "VOICEBOT",
                 "type": "STEP_TRIED", "occurredAt": "2026-11-25T08:01:55Z", "text": "blocked the card in the app"}
                """.formatted(eventId, customer);
    }
}
