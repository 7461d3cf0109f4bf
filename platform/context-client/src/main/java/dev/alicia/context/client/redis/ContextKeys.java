package dev.alicia.context.client.redis;

import dev.alicia.kit.redis.RedisKeys;

/**
 * The Redis layout of customer context (docs/redis-keys.md). A customer's keys share the tag
 * {@code {<tenant>:<customer>}} (one script appends to them); the tenant's indexes share {@code {<tenant>}}.
 */
public final class ContextKeys {

    static final String NAMESPACE = "context";

    private ContextKeys() {}

    /** One of a customer's keys: {@code journey}, {@code seen}, {@code features}, {@code contacts}, {@code profile}. */
    public static String customer(String tenantId, String customerId, String name) {
        return RedisKeys.key(NAMESPACE, RedisKeys.entityTag(tenantId, customerId), name);
    }

    /** Which customer a contact belongs to. */
    public static String contact(String tenantId, String contactId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "contact", contactId);
    }

    /** The tenant's channel identities ({@code TYPE:value}) and the customers they resolve to. */
    public static String identities(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "identities");
    }
}
