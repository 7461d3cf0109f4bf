package dev.alicia.context.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.context.store.CustomerContextStore;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.PoisonRecords;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conversation events fed every kind of poison (see {@link PoisonRecords}) on one customer's key, then a good event:
 * each poison is on the dead-letter topic with its reason, and the good event is in the customer's story.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "context"))
class PoisonMessagesTest {

    private static final String TOPIC = "conversation.events";

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    CustomerContextStore store;

    @Test
    void every_kind_of_poison_goes_to_the_dead_letter_topic_with_its_reason_and_the_next_event_joins_the_story() {
        String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        String good = ConversationEventsConsumerTest.intentDetected("ev-good-" + customer, customer);

        PoisonRecords.from(good)
                .textField("text")
                .idField("customerId")
                .requiredField("occurredAt")
                .enumField("type", "TELEPATHY")
                .typedField("confidence", "very sure")
                .typedField("entities", List.of("cardLast4"))
                .assertDeadLetteredThenGoodProcessed(kafka, TOPIC, "context-service", "bank-b:" + customer, good);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.journey("bank-b", customer))
                        .extracting(StoryEvent::eventId)
                        .containsExactly("ev-good-" + customer));
    }
}
