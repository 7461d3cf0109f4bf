package dev.alicia.presence.messaging;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.PoisonRecords;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.alicia.presence.api.PresenceTestAccess.available;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router's decisions as this service reads them, fed every kind of poison (see {@link PoisonRecords}) on one
 * contact's key, then a good assignment: each poison is on the dead-letter topic with its reason, and the agent is
 * busy with the good one. (An event type that does not change an agent's load is skipped by design, so the unknown
 * enum value is the channel's.)
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class PoisonMessagesTest {

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    LivePresenceStore store;

    @Test
    void every_kind_of_poison_goes_to_the_dead_letter_topic_with_its_reason_and_the_next_assignment_still_counts() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        available(tenant, "camille");
        String good = """
                {"eventId": "%s", "type": "CONTACT_ASSIGNED", "tenantId": "%s", "contactId": "call-p",
                 "customerId": "cust-p", "agentId": "camille", "channel": "VOICE", "occurredAt": "2026-11-25T08:02:11Z"}
                """.formatted(UUID.randomUUID(), tenant);

        PoisonRecords.from(good)
                .textField("type")
                .idField("agentId")
                .requiredField("contactId")
                .enumField("channel", "CARRIER_PIGEON")
                .typedField("channel", java.util.Map.of("name", "VOICE"))
                .assertDeadLetteredThenGoodProcessed(
                        kafka, ContactLifecycleConsumer.TOPIC, "agent-presence-service", tenant + ":call-p", good);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                store.find(tenant, "camille").orElseThrow().status())
                        .isEqualTo(AgentStatus.BUSY));
    }
}
