package dev.alicia.kit.redis;

import java.util.regex.Pattern;

import dev.alicia.kit.api.Ids;

/**
 * Key names that are tenant-scoped and Redis-Cluster-safe: {@code <namespace>:{<tag>}:<part>:...}. Only the
 * part in braces decides the cluster slot, so keys that one Lua script or transaction touches are built with
 * the same tag; moving to Redis Cluster then changes no code.
 */
public final class RedisKeys {

    private static final Pattern SAFE = Pattern.compile(Ids.ENTITY);

    private RedisKeys() {}

    /** A tag for keys shared by a whole tenant (e.g. its agent indexes, updated with the agent in one script). */
    public static String tenantTag(String tenantId) {
        return checked(tenantId);
    }

    /** A tag for one entity's keys within a tenant (e.g. one customer's context). */
    public static String entityTag(String tenantId, String entityId) {
        return checked(tenantId) + ":" + checked(entityId);
    }

    public static String key(String namespace, String tag, String... parts) {
        StringBuilder key =
                new StringBuilder(namespace).append(":{").append(tag).append('}');
        for (String part : parts) {
            key.append(':').append(checked(part));
        }
        return key.toString();
    }

    /** Ids become part of key names: no braces (they would change the slot), no separators, bounded. */
    public static String checked(String id) {
        if (id == null || !SAFE.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1-128 characters among letters, digits and ._@+-");
        }
        return id;
    }
}
