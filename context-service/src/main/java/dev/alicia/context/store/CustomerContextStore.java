package dev.alicia.context.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.alicia.context.client.model.ConversationEventType;
import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.context.client.redis.ContextKeys;
import dev.alicia.context.client.redis.StoryReader;
import dev.alicia.context.domain.IdentityType;
import dev.alicia.kit.redis.LuaScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * Customers' live context in Redis (layout in docs/redis-keys.md). Per customer, under the tag
 * {@code {tenant:customer}}: the story in order, the event ids already seen (a redelivered event is not appended
 * twice) and the compact routing features. Per tenant, under {@code {tenant}}: which customer a contact or a
 * channel identity belongs to.
 */
@ApplicationScoped
public class CustomerContextStore {

    static final String NAMESPACE = "context";
    private static final LuaScript APPEND = LuaScript.fromResource(CustomerContextStore.class, "append-event.lua");

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    /** Bound once: every appended event is written with it. */
    private final ObjectWriter storyWriter;

    private final ContextStoreConfig config;
    private final StoryReader reader;

    public CustomerContextStore(
            RedisDataSource redis,
            ReactiveRedisDataSource reactive,
            ObjectMapper mapper,
            ContextStoreConfig config,
            StoryReader reader) {
        this.redis = redis;
        this.reactive = reactive;
        this.storyWriter = mapper.writerFor(StoryEvent.class);
        this.config = config;
        this.reader = reader;
    }

    /**
     * Appends the event to the customer's story unless it is there already, and indexes its contact the first
     * time the customer is seen on it. Returns true when appended, false for a redelivery.
     */
    public boolean append(String tenantId, StoryEvent event) {
        Call call = prepare(tenantId, event);
        long result = APPEND.run(redis, call.keys(), call.args()).toLong();
        if (result == 2L) {
            // The tenant's slot, not the customer's: outside the script, and needed once per contact only.
            rememberContact(tenantId, event.contactId(), event.customerId());
        }
        return result > 0;
    }

    /** {@link #append} without blocking, so that a batch of events can be pipelined. */
    public Uni<Boolean> appendAsync(String tenantId, StoryEvent event) {
        Call call = prepare(tenantId, event);
        return APPEND.runAsync(reactive, call.keys(), call.args()).chain(response -> {
            long result = response.toLong();
            if (result == 2L) {
                return reactive.value(String.class)
                        .setex(
                                ContextKeys.contact(tenantId, event.contactId()),
                                config.retention().toSeconds(),
                                event.customerId())
                        .replaceWith(true);
            }
            return Uni.createFrom().item(result > 0);
        });
    }

    private record Call(List<String> keys, List<String> args) {}

    private Call prepare(String tenantId, StoryEvent event) {
        List<String> keys = List.of(
                ContextKeys.customer(tenantId, event.customerId(), "seen"),
                ContextKeys.customer(tenantId, event.customerId(), "journey"),
                ContextKeys.customer(tenantId, event.customerId(), "features"),
                ContextKeys.customer(tenantId, event.customerId(), "contacts"));
        List<String> args = new ArrayList<>(List.of(
                event.eventId(),
                json(event),
                String.valueOf(config.retention().toSeconds()),
                event.contactId() == null ? "" : event.contactId()));
        addFeature(args, "language", event.language());
        addFeature(args, "intent", event.intent());
        if (event.intent() != null) {
            addFeature(args, "priority", config.urgentIntents().contains(event.intent()) ? "URGENT" : "NORMAL");
        }
        if (event.type() == ConversationEventType.CONTACT_ENDED && event.agentId() != null) {
            addFeature(args, "lastAgent", event.agentId());
            addFeature(args, "lastOutcome", event.outcome());
            if (event.outcome() != null && event.outcome().startsWith("RESOLVED")) {
                addFeature(args, "lastResolvedBy", event.agentId());
            }
        }
        addFeature(args, "lastChannel", event.channel().name());
        if (event.emotion() != null && event.customerWords()) {
            addFeature(args, "emotion", event.emotion().name());
            addFeature(args, "emotionIntensity", String.valueOf(event.emotionIntensity()));
        }
        addFeature(
                args,
                "register",
                event.register() == null ? null : event.register().name());
        addFeature(args, "updatedAt", event.occurredAt().toString());
        return new Call(keys, args);
    }

    public Map<String, String> features(String tenantId, String customerId) {
        return reader.features(tenantId, customerId);
    }

    public List<StoryEvent> journey(String tenantId, String customerId) {
        return reader.journey(tenantId, customerId);
    }

    /** The hot copy of the profile routing and briefs read: name, language and register, under the customer's tag. */
    public void saveProfile(String tenantId, String customerId, String displayName, String language, String register) {
        String key = ContextKeys.customer(tenantId, customerId, "profile");
        Map<String, String> fields = new java.util.HashMap<>();
        fields.put("displayName", displayName);
        if (language != null) {
            fields.put("preferredLanguage", language);
        }
        if (register != null) {
            fields.put("register", register);
        }
        redis.key().del(key);
        redis.hash(String.class).hset(key, fields);
    }

    /** Remembers whose contact this is, for as long as the customer's story is kept. */
    private void rememberContact(String tenantId, String contactId, String customerId) {
        redis.value(String.class)
                .setex(
                        ContextKeys.contact(tenantId, contactId),
                        config.retention().toSeconds(),
                        customerId);
    }

    public void linkIdentity(String tenantId, IdentityType type, String value, String customerId) {
        redis.hash(String.class).hset(ContextKeys.identities(tenantId), type + ":" + value, customerId);
    }

    public void unlinkIdentity(String tenantId, IdentityType type, String value) {
        redis.hash(String.class).hdel(ContextKeys.identities(tenantId), type + ":" + value);
    }

    public Optional<String> customerOfIdentity(String tenantId, IdentityType type, String value) {
        return Optional.ofNullable(redis.hash(String.class).hget(ContextKeys.identities(tenantId), type + ":" + value));
    }

    /** Removes every key of the customer's story, and the contact index entries that point to it. */
    public void erase(String tenantId, String customerId) {
        // The contacts set says which contact index entries point here: no need to read the story.
        Set<String> contactIds =
                redis.set(String.class).smembers(ContextKeys.customer(tenantId, customerId, "contacts"));
        redis.key()
                .del(
                        ContextKeys.customer(tenantId, customerId, "seen"),
                        ContextKeys.customer(tenantId, customerId, "journey"),
                        ContextKeys.customer(tenantId, customerId, "features"),
                        ContextKeys.customer(tenantId, customerId, "contacts"),
                        ContextKeys.customer(tenantId, customerId, "profile"));
        for (String contactId : contactIds) {
            redis.key().del(ContextKeys.contact(tenantId, contactId));
        }
    }

    private static void addFeature(List<String> args, String field, String value) {
        if (value != null) {
            args.add(field);
            args.add(value);
        }
    }

    private String json(StoryEvent event) {
        try {
            return storyWriter.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
