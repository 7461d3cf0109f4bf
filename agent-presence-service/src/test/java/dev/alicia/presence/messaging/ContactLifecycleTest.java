package dev.alicia.presence.messaging;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.testing.KafkaTestClient;
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
 * The router's decisions on Kafka move agents' load: offered and assigned held, ended or transferred −1 then wrap-up
 * (0.3 s in tests).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class ContactLifecycleTest {

    private static final String TOPIC = "routing.events";

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    LivePresenceStore store;

    @Test
    void an_agent_on_a_voice_call_is_offered_nothing_and_wraps_up_then_becomes_available_when_it_ends() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        available(tenant, "camille");

        kafka.send(TOPIC, tenant + ":call-1", event("CONTACT_ASSIGNED", tenant, "call-1", "camille", "VOICE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var agent = store.find(tenant, "camille").orElseThrow();
            assertThat(agent.status()).isEqualTo(AgentStatus.BUSY);
            assertThat(agent.routableChannels()).isEmpty();
        });
        assertThat(store.eligible(tenant, Channel.CHAT, null, java.util.Map.of(), 10))
                .isEmpty();

        kafka.send(TOPIC, tenant + ":call-1", event("CONTACT_ENDED", tenant, "call-1", "camille", "VOICE"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                store.find(tenant, "camille").orElseThrow().status())
                        .isEqualTo(AgentStatus.WRAP_UP));
        kafka.awaitRecord(
                "agent.presence",
                r -> r.key().equals(tenant + ":camille") && r.value().contains("\"status\":\"WRAP_UP\""));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                store.find(tenant, "camille").orElseThrow().status())
                        .isEqualTo(AgentStatus.AVAILABLE));
        assertThat(store.eligible(tenant, Channel.CHAT, null, java.util.Map.of(), 10))
                .hasSize(1);
    }

    @Test
    void chats_add_up_to_capacity_and_a_redelivered_assignment_counts_once() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        available(tenant, "camille");

        for (String contact : new String[] {"chat-1", "chat-2", "chat-2", "chat-3"}) {
            kafka.send(TOPIC, tenant + ":" + contact, event("CONTACT_ASSIGNED", tenant, contact, "camille", "CHAT"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var agent = store.find(tenant, "camille").orElseThrow();
            assertThat(agent.load().count(Channel.CHAT)).isEqualTo(3);
            assertThat(agent.routableChannels()).isEmpty();
        });
        kafka.send(TOPIC, tenant + ":chat-1", event("CONTACT_ENDED", tenant, "chat-1", "camille", "CHAT"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var agent = store.find(tenant, "camille").orElseThrow();
            assertThat(agent.status()).isEqualTo(AgentStatus.BUSY);
            assertThat(agent.routableChannels()).containsExactly(Channel.CHAT);
        });
    }

    @Test
    void a_reservation_the_router_made_itself_is_announced_on_agent_presence_and_a_transfer_ends_the_agents_part() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        available(tenant, "camille");
        // The router reserves with the presence primitive, then says so on routing.events.
        store.update(
                tenant,
                "camille",
                agent -> agent.reserve("call-7", Channel.VOICE, System.currentTimeMillis() + 20_000));

        kafka.send(TOPIC, tenant + ":call-7", event("CONTACT_OFFERED", tenant, "call-7", "camille", "VOICE"));

        kafka.awaitRecord(
                "agent.presence",
                r -> r.key().equals(tenant + ":camille")
                        && r.value().contains("\"status\":\"BUSY\"")
                        && r.value().contains("\"routableChannels\":[]"));
        kafka.send(TOPIC, tenant + ":call-7", event("CONTACT_ASSIGNED", tenant, "call-7", "camille", "VOICE"));
        kafka.send(TOPIC, tenant + ":call-7", event("CONTACT_TRANSFERRED", tenant, "call-7", "camille", "VOICE"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.find(tenant, "camille")
                                .orElseThrow()
                                .load()
                                .total())
                        .isZero());
    }

    @Test
    void an_assignment_without_an_agent_is_dead_lettered_and_the_next_event_applies() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        available(tenant, "camille");

        kafka.send(TOPIC, tenant + ":x", event("CONTACT_ASSIGNED", tenant, "x", "", "CHAT"));
        kafka.send(TOPIC, tenant + ":y", event("CONTACT_ASSIGNED", tenant, "y", "camille", "CHAT"));

        var dead = kafka.awaitRecord(TOPIC + ".dlq", r -> r.key().equals(tenant + ":x"));
        assertThat(KafkaTestClient.header(dead, "dlq.reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("agentId"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.find(tenant, "camille")
                                .orElseThrow()
                                .load()
                                .total())
                        .isEqualTo(1));
    }

    private static String event(String type, String tenant, String contact, String agent, String channel) {
        return """
                {"eventId": "%s", "type": "%s", "tenantId": "%s", "contactId": "%s", "customerId": "cust-1",
                 "channel": "%s", "agentId": "%s", "explanation": [], "occurredAt": "2026-11-25T08:00:00Z"}
                """.formatted(UUID.randomUUID(), type, tenant, contact, channel, agent);
    }
}
