package dev.alicia.adapters;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.infra.local.LocalSystem;
import dev.alicia.infra.tokens.DevTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One tenant's view of a running Alicia: its Kafka topics (what adapters publish, as the AsyncAPI contract says)
 * and the three services' REST APIs (what desktops and platforms call). Shared by the adapters of a run.
 */
public final class Platform implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String tenantId;
    private final String kafkaBootstrap;
    private final String router;
    private final String presence;
    private final String context;
    private final DevTokens tokens;
    private final TenantHttp http;
    private final Map<String, TenantHttp> agents = new ConcurrentHashMap<>();
    private final KafkaProducer<String, String> producer;

    /**
     * REST calls go out with tokens from {@code tokens}: the platform's own as the tenant's back office
     * (administrator, supervisor and channel platform), and each agent's as that agent.
     */
    /** One tenant's view of the system the run command (or a test) started: its broker, services and tokens. */
    public static Platform of(LocalSystem system, String tenantId) {
        return new Platform(
                tenantId,
                system.tokens(),
                system.kafkaBootstrapServers(),
                LocalSystem.url("router-service"),
                LocalSystem.url("agent-presence-service"),
                LocalSystem.url("context-service"));
    }

    public Platform(
            String tenantId, DevTokens tokens, String kafkaBootstrap, String router, String presence, String context) {
        this.tenantId = tenantId;
        this.kafkaBootstrap = kafkaBootstrap;
        this.router = router;
        this.presence = presence;
        this.context = context;
        this.tokens = tokens;
        this.http = new TenantHttp(tenantId, tokens.backOffice(tenantId));
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafkaBootstrap);
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        config.put("linger.ms", "1");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    public String tenantId() {
        return tenantId;
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** Publishes and waits for the broker's acknowledgement: an adapter moves on only once it is durable. */
    void publish(String topic, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(value)))
                    .get(30, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish on " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode router(String method, String path, Object body) {
        return call(router + path, method, body);
    }

    /** A call to the router as the agent {@code agentId}, signed in as themselves. */
    JsonNode routerAsAgent(String agentId, String method, String path, Object body) {
        return call(asAgent(agentId), router + path, method, body);
    }

    JsonNode presenceAsAgent(String agentId, String method, String path, Object body) {
        return call(asAgent(agentId), presence + path, method, body);
    }

    private TenantHttp asAgent(String agentId) {
        return agents.computeIfAbsent(agentId, id -> new TenantHttp(tenantId, tokens.agent(tenantId, id)));
    }

    JsonNode presence(String method, String path, Object body) {
        return call(presence + path, method, body);
    }

    JsonNode context(String method, String path, Object body) {
        return call(context + path, method, body);
    }

    /** A read of context-service that may find nothing yet (404): empty then. */
    java.util.Optional<JsonNode> contextIfFound(String path) {
        try {
            return java.util.Optional.of(call(context + path, "GET", null));
        } catch (TenantHttp.NotFound missing) {
            return java.util.Optional.empty();
        }
    }

    private JsonNode call(String url, String method, Object body) {
        return call(http, url, method, body);
    }

    private static JsonNode call(TenantHttp http, String url, String method, Object body) {
        try {
            String answer = http.send(method, url, body == null ? null : JSON.writeValueAsString(body));
            return answer.isBlank() ? JSON.nullNode() : JSON.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + url + ": not JSON", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
