package dev.alicia.router.store;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;

/** Reads the routing features context-service keeps for a customer (layout in docs/redis-keys.md). */
@ApplicationScoped
public class CustomerFeatures {

    private final RedisDataSource redis;

    public CustomerFeatures(RedisDataSource redis) {
        this.redis = redis;
    }

    /** Language, intent and the like; empty when the customer has no context yet. */
    public Map<String, String> of(String tenantId, String customerId) {
        return redis.hash(String.class)
                .hgetall(RedisKeys.key("context", RedisKeys.entityTag(tenantId, customerId), "features"));
    }
}
