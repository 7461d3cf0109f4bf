package dev.alicia.router.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.Load;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.testing.KafkaTestClient;
import io.quarkus.redis.datasource.RedisDataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's contact center as the router finds it, set up the way the other services leave it: agents live in
 * Redis through the presence client (as agent-presence-service puts them), customers' context in Redis in
 * context-service's documented layout, contacts arriving on Kafka, presence changes announced on Kafka.
 */
public final class ContactCenterFloor {

    public static final String INBOUND = "contacts.inbound";
    public static final String DECISIONS = "routing.events";
    public static final String PRESENCE = "agent.presence";

    private static final ObjectMapper JSON = new ObjectMapper();

    public final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final KafkaTestClient kafka;
    private final LivePresenceStore presence;
    private final RedisDataSource redis;

    public ContactCenterFloor(KafkaTestClient kafka, LivePresenceStore presence, RedisDataSource redis) {
        this.kafka = kafka;
        this.presence = presence;
        this.redis = redis;
    }

    /** An agent logged in and available on voice and chat, idle for {@code idleSeconds}. */
    public LiveAgent agent(
            String agentId,
            Map<String, Integer> languages,
            Map<String, Integer> skills,
            Map<String, Double> strengths) {
        LiveAgent agent = new LiveAgent(
                tenant,
                agentId,
                "team",
                AgentStatus.AVAILABLE,
                null,
                languages,
                skills,
                Set.of(Channel.VOICE, Channel.CHAT),
                CapacityProfile.standard(),
                strengths,
                Load.NONE,
                System.currentTimeMillis() - 60_000,
                0);
        assertThat(presence.compareAndSet(null, agent)).isPresent();
        return agent;
    }

    public LiveAgent agent(String agentId, String language, String skill, int level) {
        return agent(agentId, Map.of(language, 5), Map.of(skill, level), Map.of());
    }

    /** The agent takes a break (nobody else's contacts reach them). */
    public void away(String agentId) {
        presence.update(tenant, agentId, a -> a.choose(AgentStatus.BREAK, "lunch", System.currentTimeMillis()));
    }

    /**
     * The agent is back, and the presence service says so on {@code agent.presence}, as it does for every change.
     */
    public void back(String agentId) {
        LiveAgent agent = presence.update(
                        tenant, agentId, a -> a.choose(AgentStatus.AVAILABLE, null, System.currentTimeMillis()))
                .orElseThrow()
                .after();
        announce(agent);
    }

    public void announce(LiveAgent agent) {
        String channels = agent.routableChannels().stream()
                .map(c -> "\"" + c + "\"")
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        kafka.send(PRESENCE, tenant + ":" + agent.agentId(), """
                {"eventId": "%s", "tenantId": "%s", "agentId": "%s", "status": "%s", "routableChannels": [%s],
                 "removed": false, "version": %d, "occurredAt": "2026-11-25T08:00:00Z"}
                """.formatted(
                        UUID.randomUUID(), tenant, agent.agentId(), agent.status(), channels, agent.version()));
    }

    public LiveAgent live(String agentId) {
        return presence.find(tenant, agentId).orElseThrow();
    }

    /** What the voicebot captured of the customer, as context-service keeps it. */
    public void context(String customerId, Map<String, String> features) {
        redis.hash(String.class).hset("context:{" + tenant + ":" + customerId + "}:features", features);
    }

    public void profile(String customerId, Map<String, String> profile) {
        redis.hash(String.class).hset("context:{" + tenant + ":" + customerId + "}:profile", profile);
    }

    public void story(String customerId, String... eventsJson) {
        redis.list(String.class).rpush("context:{" + tenant + ":" + customerId + "}:journey", eventsJson);
    }

    public void call(String contactId, String customerId) {
        arrive(contactId, customerId, "VOICE");
    }

    public void arrive(String contactId, String customerId, String channel) {
        kafka.send(INBOUND, tenant + ":" + contactId, """
                {"contactId": "%s", "tenantId": "%s", "customerId": "%s", "channel": "%s",
                 "arrivedAt": "2026-11-25T08:02:11Z"}
                """.formatted(contactId, tenant, customerId, channel));
    }

    /** The first decision of this type about the contact. */
    public JsonNode await(String contactId, String type) {
        return awaitAll(contactId, type, 1).get(0);
    }

    public List<JsonNode> awaitAll(String contactId, String type, int count) {
        List<ConsumerRecord<String, String>> records = kafka.awaitRecords(
                DECISIONS,
                r -> r.key().equals(tenant + ":" + contactId) && r.value().contains("\"type\":\"" + type + "\""),
                count,
                Duration.ofSeconds(30));
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            events.add(json(record.value()));
        }
        return events;
    }

    /** Every decision about the contact published so far (waiting a moment for late ones). */
    public List<JsonNode> decisions(String contactId, int atLeast) {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : kafka.awaitRecords(
                DECISIONS, r -> r.key().equals(tenant + ":" + contactId), atLeast, Duration.ofSeconds(30))) {
            events.add(json(record.value()));
        }
        return events;
    }

    public static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
