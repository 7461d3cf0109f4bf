package dev.alicia.context.client.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.alicia.context.client.model.BriefBuilder;
import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.context.client.model.Register;
import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.kit.redis.LuaScript;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;

/**
 * Reads a customer's story as context-service keeps it in Redis, and tells it as a handoff brief. context-service
 * answers its brief endpoint with it; the router attaches the same brief to an assignment, without a network hop.
 */
@ApplicationScoped
public class StoryReader {

    private static final LuaScript STORY = LuaScript.fromResource(StoryReader.class, "story.lua");

    private final RedisDataSource redis;
    /** Bound once: the brief reads a whole story per call. */
    private final ObjectReader storyEvents;

    private final BriefBuilder briefs = new BriefBuilder();

    public StoryReader(RedisDataSource redis, ObjectMapper mapper) {
        this.redis = redis;
        this.storyEvents = mapper.readerFor(StoryEvent.class);
    }

    public List<StoryEvent> journey(String tenantId, String customerId) {
        return events(redis.list(String.class).lrange(ContextKeys.customer(tenantId, customerId, "journey"), 0, -1));
    }

    private List<StoryEvent> events(List<String> raw) {
        List<StoryEvent> events = new ArrayList<>(raw.size());
        for (String json : raw) {
            try {
                events.add(storyEvents.readValue(json));
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

    private static Optional<BriefBuilder.Profile> profile(Map<String, String> hot) {
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

    /** The brief of a contact of this customer, as of {@code now}: profile and journey read in one round trip. */
    public HandoffBrief brief(String tenantId, String customerId, String contactId, Instant now) {
        return brief(tenantId, customerId, contactId, now, List.of());
    }

    /**
     * The brief, with events the caller has just published that context-service may not have stored yet (a
     * router's transfer): the receiving agent's brief tells of it either way, and never twice.
     */
    public HandoffBrief brief(
            String tenantId, String customerId, String contactId, Instant now, List<StoryEvent> justPublished) {
        Response both = STORY.run(
                redis,
                List.of(
                        ContextKeys.customer(tenantId, customerId, "profile"),
                        ContextKeys.customer(tenantId, customerId, "journey")),
                List.of());
        Map<String, String> hot = new HashMap<>();
        Response fields = both.get(0);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            hot.put(fields.get(i).toString(), fields.get(i + 1).toString());
        }
        List<String> raw = new ArrayList<>();
        for (Response entry : both.get(1)) {
            raw.add(entry.toString());
        }
        List<StoryEvent> story = events(raw);
        for (StoryEvent event : justPublished) {
            if (story.stream().noneMatch(e -> e.eventId().equals(event.eventId()))) {
                story.add(event);
            }
        }
        return briefs.build(customerId, contactId, profile(hot).orElse(null), story, now);
    }
}
