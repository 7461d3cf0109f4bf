package dev.alicia.context.client.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.context.client.model.BriefBuilder;
import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.context.client.model.Register;
import dev.alicia.context.client.model.StoryEvent;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Reads a customer's story as context-service keeps it in Redis, and tells it as a handoff brief. context-service
 * answers its brief endpoint with it; the router attaches the same brief to an assignment, without a network hop.
 */
@ApplicationScoped
public class StoryReader {

    private final RedisDataSource redis;
    private final ObjectMapper mapper;
    private final BriefBuilder briefs = new BriefBuilder();

    public StoryReader(RedisDataSource redis, ObjectMapper mapper) {
        this.redis = redis;
        this.mapper = mapper;
    }

    public List<StoryEvent> journey(String tenantId, String customerId) {
        List<String> raw =
                redis.list(String.class).lrange(ContextKeys.customer(tenantId, customerId, "journey"), 0, -1);
        List<StoryEvent> events = new ArrayList<>(raw.size());
        for (String json : raw) {
            try {
                events.add(mapper.readValue(json, StoryEvent.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable journey entry for a customer", e);
            }
        }
        return events;
    }

    /** What routing reads of a customer (language, intent, priority, emotion...); empty without context yet. */
    public Map<String, String> features(String tenantId, String customerId) {
        return redis.hash(String.class).hgetall(ContextKeys.customer(tenantId, customerId, "features"));
    }

    /** The hot copy of the profile, when the customer has one. */
    public Optional<BriefBuilder.Profile> profile(String tenantId, String customerId) {
        Map<String, String> hot =
                redis.hash(String.class).hgetall(ContextKeys.customer(tenantId, customerId, "profile"));
        if (hot.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BriefBuilder.Profile(
                hot.get("displayName"),
                hot.get("preferredLanguage"),
                hot.containsKey("register") ? Register.valueOf(hot.get("register")) : null));
    }

    public Optional<String> customerOfContact(String tenantId, String contactId) {
        return Optional.ofNullable(redis.value(String.class).get(ContextKeys.contact(tenantId, contactId)));
    }

    /** The brief of a contact of this customer, as of {@code now}. */
    public HandoffBrief brief(String tenantId, String customerId, String contactId, Instant now) {
        return briefs.build(
                customerId, contactId, profile(tenantId, customerId).orElse(null), journey(tenantId, customerId), now);
    }
}
