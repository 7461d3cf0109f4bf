package dev.alicia.router.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.Load;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.persistence.RoutingDecision;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton over real Kafka, Redis and PostgreSQL: Redis holds what context-service and
 * agent-presence-service write (in their documented layout), a contact arrives on Kafka, and the router
 * publishes the assignment.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class WalkingSkeletonTest {

    private static final String INBOUND = "contacts.inbound";
    private static final String DECISIONS = "routing.events";
    private static KafkaTestClient kafka;

    @Inject
    RedisDataSource redis;

    @Inject
    LivePresenceStore presence;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forRealInfrastructure();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void a_french_stolen_card_call_goes_to_the_available_french_fraud_expert() {
        String tenant = newTenant();
        availableAgent(tenant, "agent-john", "en", "stolen_card=5");
        availableAgent(tenant, "agent-luc", "fr", "stolen_card=2,billing=5");
        availableAgent(tenant, "agent-camille", "fr,en", "stolen_card=5");
        voicebotCaptured(tenant, "cust-alicia", "fr", "stolen_card");

        kafka.send(INBOUND, tenant + ":c-1", contact("c-1", tenant, "cust-alicia"));

        ConsumerRecord<String, String> decision =
                kafka.awaitRecord(DECISIONS, r -> r.key().equals(tenant + ":c-1"));
        assertThat(decision.value())
                .contains("\"type\":\"CONTACT_ASSIGNED\"")
                .contains("\"agentId\":\"agent-camille\"")
                .contains("\"intent\":\"stolen_card\"")
                .contains("stolen_card proficiency 5/5");
        assertThat(holding(tenant, "agent-john", "agent-luc", "agent-camille")).containsExactly("agent-camille");
        assertThat(presence.find(tenant, "agent-camille").orElseThrow().routableChannels())
                .isEmpty();
        RoutingDecision stored = QuarkusTransaction.requiringNew()
                .call(() -> RoutingDecision.find(tenant, "c-1").orElseThrow());
        assertThat(stored.agentId).isEqualTo("agent-camille");
        assertThat(stored.outcome).isEqualTo("CONTACT_ASSIGNED");
    }

    @Test
    void a_redelivered_contact_replays_its_decision_and_takes_no_second_agent() {
        String tenant = newTenant();
        availableAgent(tenant, "agent-a", "fr", "stolen_card=3");
        availableAgent(tenant, "agent-b", "fr", "stolen_card=3");
        voicebotCaptured(tenant, "cust-1", "fr", "stolen_card");

        kafka.send(INBOUND, tenant + ":c-1", contact("c-1", tenant, "cust-1"));
        kafka.send(INBOUND, tenant + ":c-1", contact("c-1", tenant, "cust-1"));

        List<ConsumerRecord<String, String>> decisions =
                kafka.awaitRecords(DECISIONS, r -> r.key().equals(tenant + ":c-1"), 2, Duration.ofSeconds(30));
        assertThat(decisions)
                .extracting(ConsumerRecord::value)
                .containsOnly(decisions.get(0).value());
        assertThat(holding(tenant, "agent-a", "agent-b")).hasSize(1);
    }

    @Test
    void a_contact_nobody_can_serve_is_queued_not_dropped() {
        String tenant = newTenant();
        availableAgent(tenant, "agent-john", "en", "stolen_card=5");
        voicebotCaptured(tenant, "cust-1", "fr", "stolen_card");

        kafka.send(INBOUND, tenant + ":c-9", contact("c-9", tenant, "cust-1"));

        ConsumerRecord<String, String> decision =
                kafka.awaitRecord(DECISIONS, r -> r.key().equals(tenant + ":c-9"));
        assertThat(decision.value()).contains("\"type\":\"CONTACT_QUEUED\"").doesNotContain("agent-john");
    }

    @Test
    void malformed_contacts_are_dead_lettered_and_the_next_contact_is_still_routed() {
        String tenant = newTenant();
        availableAgent(tenant, "agent-a", "fr", "stolen_card=3");
        String key = tenant + ":c-bad";
        kafka.send(INBOUND, key, "not json at all");
        kafka.send(INBOUND, key, contact("c-bad", tenant, "cust-1").replace("VOICE", "CARRIER_PIGEON"));
        kafka.send(
                INBOUND, key, contact("c-bad", tenant, "cust-1").replace("2026-11-25T08:02:11Z", "yesterday morning"));
        kafka.send(INBOUND, tenant + ":c-good", contact("c-good", tenant, "cust-1"));

        List<ConsumerRecord<String, String>> dead =
                kafka.awaitRecords(INBOUND + ".dlq", r -> key.equals(r.key()), 3, Duration.ofSeconds(30));
        assertThat(dead)
                .extracting(r -> KafkaTestClient.header(r, "dlq.reason").orElseThrow())
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("not well-formed JSON"),
                        reason -> assertThat(reason).contains("channel must be one of"),
                        reason -> assertThat(reason).contains("arrivedAt"));
        assertThat(KafkaTestClient.header(dead.get(0), "dlq.consumer.group")).contains("router-service");
        kafka.awaitRecord(
                DECISIONS, r -> r.key().equals(tenant + ":c-good") && r.value().contains("\"agentId\":\"agent-a\""));
    }

    /** An agent as agent-presence-service puts them live: through the presence client's store. */
    private void availableAgent(String tenant, String agentId, String languages, String skills) {
        Map<String, Integer> fluency = new HashMap<>();
        for (String language : languages.split(",")) {
            fluency.put(language, 5);
        }
        Map<String, Integer> proficiency = new HashMap<>();
        for (String skill : skills.split(",")) {
            String[] pair = skill.split("=");
            proficiency.put(pair[0], Integer.valueOf(pair[1]));
        }
        LiveAgent agent = new LiveAgent(
                tenant,
                agentId,
                "fraud",
                AgentStatus.AVAILABLE,
                null,
                fluency,
                proficiency,
                Set.of(Channel.VOICE, Channel.CHAT),
                CapacityProfile.standard(),
                Map.of("empathy", 0.5),
                Load.NONE,
                1L,
                0);
        assertThat(presence.compareAndSet(null, agent)).isPresent();
    }

    private List<String> holding(String tenant, String... agentIds) {
        List<String> holders = new ArrayList<>();
        for (String agentId : agentIds) {
            if (presence.find(tenant, agentId).orElseThrow().load().total() > 0) {
                holders.add(agentId);
            }
        }
        return holders;
    }

    private void voicebotCaptured(String tenant, String customerId, String language, String intent) {
        redis.hash(String.class)
                .hset(
                        "context:{" + tenant + ":" + customerId + "}:features",
                        Map.of("language", language, "intent", intent, "lastChannel", "VOICEBOT"));
    }

    /** What context-service keeps of Alicia (its documented layout): her profile and what the voicebot captured. */
    private void storyOfAlicia(String tenant) {
        redis.hash(String.class)
                .hset(
                        "context:{" + tenant + ":cust-alicia}:profile",
                        Map.of("displayName", "Alicia Moreau", "preferredLanguage", "fr", "register", "FORMAL"));
        redis.list(String.class).rpush("context:{" + tenant + ":cust-alicia}:journey", """
                        {"eventId": "ev-1", "customerId": "cust-alicia", "contactId": "c-1", "channel": "VOICEBOT",
                         "type": "INTENT_DETECTED", "occurredAt": "2026-11-25T08:01:40Z", "language": "fr",
                         "text": "On m'a volé ma carte", "intent": "stolen_card", "confidence": 0.93,
                         "entities": {"cardLast4": "4821"}, "emotion": "FEAR", "emotionIntensity": 0.6}
                        """);
    }

    private static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String contact(String contactId, String tenant, String customerId) {
        return """
                {"contactId": "%s", "tenantId": "%s", "customerId": "%s", "channel": "VOICE",
                 "arrivedAt": "2026-11-25T08:02:11Z"}
                """.formatted(contactId, tenant, customerId);
    }
}
