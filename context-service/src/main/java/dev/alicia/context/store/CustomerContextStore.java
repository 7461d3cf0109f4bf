package dev.alicia.context.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.context.messaging.ConversationEvent;
import dev.alicia.kit.redis.LuaScript;
import dev.alicia.kit.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * A customer's live context in Redis (layout in docs/redis-keys.md): the journey of events in order, the
 * ids already seen (so a redelivered event is not appended twice) and the compact routing features the
 * router reads. One customer's keys share the tag {@code {tenant:customer}}.
 */
@ApplicationScoped
public class CustomerContextStore {

    static final String NAMESPACE = "context";
    private static final LuaScript APPEND = LuaScript.fromResource(CustomerContextStore.class, "append-event.lua");

    private final RedisDataSource redis;
    private final ObjectMapper mapper;
    private final ContextStoreConfig config;

    public CustomerContextStore(RedisDataSource redis, ObjectMapper mapper, ContextStoreConfig config) {
        this.redis = redis;
        this.mapper = mapper;
        this.config = config;
    }

    /** Returns true when the event was appended, false when it had been already. */
    public boolean append(ConversationEvent event) {
        String tag = RedisKeys.entityTag(event.tenantId(), event.customerId());
        List<String> keys = List.of(key(tag, "seen"), key(tag, "journey"), key(tag, "features"));
        List<String> args = new ArrayList<>(List.of(
                event.eventId(), json(event), String.valueOf(config.retention().toSeconds())));
        addFeature(args, "language", event.language());
        addFeature(args, "intent", event.intent());
        addFeature(args, "lastChannel", event.channel().name());
        addFeature(args, "updatedAt", event.occurredAt().toString());
        return APPEND.run(redis, keys, args).toLong() == 1L;
    }

    public Map<String, String> features(String tenantId, String customerId) {
        return redis.hash(String.class).hgetall(key(RedisKeys.entityTag(tenantId, customerId), "features"));
    }

    public List<ConversationEvent> journey(String tenantId, String customerId) {
        List<String> raw =
                redis.list(String.class).lrange(key(RedisKeys.entityTag(tenantId, customerId), "journey"), 0, -1);
        List<ConversationEvent> events = new ArrayList<>(raw.size());
        for (String json : raw) {
            try {
                events.add(mapper.readValue(json, ConversationEvent.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable journey entry for a customer", e);
            }
        }
        return events;
    }

    private static void addFeature(List<String> args, String field, String value) {
        if (value != null) {
            args.add(field);
            args.add(value);
        }
    }

    private String json(ConversationEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String tag, String name) {
        return RedisKeys.key(NAMESPACE, tag, name);
    }
}
