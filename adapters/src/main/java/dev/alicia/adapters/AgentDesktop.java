package dev.alicia.adapters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The reference agent desktop: logs agents in over REST, sees their offers on {@code routing.events}, accepts,
 * transfers, ends and reports outcomes over REST, as a desktop integration would.
 */
public final class AgentDesktop implements AutoCloseable {

    private final Platform platform;
    private final Map<String, List<JsonNode>> eventsByContact = new HashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Thread reader;

    /** An agent as the roster knows them. */
    public record Agent(
            String agentId,
            String displayName,
            String team,
            Map<String, Integer> languages,
            Map<String, Integer> skills,
            List<String> channels,
            Map<String, Double> strengths) {}

    public AgentDesktop(Platform platform) {
        this.platform = platform;
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", platform.kafkaBootstrap());
        config.put("group.id", "desktop-" + UUID.randomUUID());
        config.put("auto.offset.reset", "latest");
        config.put("fetch.max.wait.ms", "20");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("routing.events"));
        // Joined before anything is routed: no decision is missed.
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        this.reader = new Thread(() -> read(consumer), "agent-desktop");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (reading.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    if (!record.key().startsWith(platform.tenantId() + ":")) {
                        continue;
                    }
                    JsonNode event = readJson(record.value());
                    synchronized (eventsByContact) {
                        eventsByContact
                                .computeIfAbsent(event.path("contactId").asText(), c -> new ArrayList<>())
                                .add(event);
                        eventsByContact.notifyAll();
                    }
                }
            }
        }
    }

    /** Puts the agent on the roster and makes them available. */
    public void logIn(Agent agent) {
        Map<String, Object> body = new HashMap<>();
        body.put("agentId", agent.agentId());
        body.put("displayName", agent.displayName());
        body.put("team", agent.team());
        body.put(
                "languages",
                agent.languages().entrySet().stream()
                        .map(e -> Map.of("code", e.getKey(), "fluency", e.getValue()))
                        .toList());
        body.put(
                "skills",
                agent.skills().entrySet().stream()
                        .map(e -> Map.of("name", e.getKey(), "proficiency", e.getValue()))
                        .toList());
        body.put("channels", agent.channels());
        body.put("strengths", agent.strengths());
        platform.presence("POST", "/agents", body);
        platform.presenceAsAgent(
                agent.agentId(), "PUT", "/agents/" + agent.agentId() + "/presence", Map.of("status", "AVAILABLE"));
    }

    /** The first decision of this type about the contact (waiting up to 30 s for it). */
    public JsonNode await(String contactId, String type) {
        return await(contactId, type, null);
    }

    /** The first decision of this type about the contact naming this agent ({@code null}: any). */
    public JsonNode await(String contactId, String type, String agentId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        synchronized (eventsByContact) {
            while (true) {
                for (JsonNode event : eventsByContact.getOrDefault(contactId, List.of())) {
                    if (type.equals(event.path("type").asText())
                            && (agentId == null
                                    || agentId.equals(event.path("agentId").asText()))) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no " + type + " for contact " + contactId + " within 30 s");
                }
                try {
                    eventsByContact.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The agent answers the offer; the assignment comes back with the brief as it stands now. */
    public JsonNode accept(String contactId, String agentId) {
        return platform.routerAsAgent(
                agentId, "POST", "/contacts/" + contactId + "/accept", Map.of("agentId", agentId));
    }

    public void transferToAgent(String contactId, String agentId, String toAgentId, String reason) {
        platform.routerAsAgent(
                agentId,
                "POST",
                "/contacts/" + contactId + "/transfer",
                Map.of("agentId", agentId, "toAgentId", toAgentId, "reason", reason));
    }

    /** The conversation is over: the agent ends it and reports how it went. */
    public void finish(String contactId, String agentId, boolean resolved, int satisfaction) {
        platform.routerAsAgent(agentId, "POST", "/contacts/" + contactId + "/end", Map.of("agentId", agentId));
        platform.routerAsAgent(
                agentId,
                "POST",
                "/contacts/" + contactId + "/outcome",
                Map.of("agentId", agentId, "resolved", resolved, "satisfaction", satisfaction));
    }

    private static JsonNode readJson(String json) {
        try {
            return Platform.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        reading.set(false);
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
