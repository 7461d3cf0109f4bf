package dev.alicia.kit.redis;

import dev.alicia.kit.api.Ids;

/**
 * Key names that are tenant-scoped and Redis-Cluster-safe: {@code <namespace>:{<tag>}:<part>:...}. Only the
 * part in braces decides the cluster slot, so keys that one Lua script or transaction touches are built with
 * the same tag; moving to Redis Cluster then changes no code.
 */
public final class RedisKeys {

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
        if (!safe(id)) {
            throw new UnsafeIdException();
        }
        return id;
    }

    /** {@link Ids#ENTITY}, checked by hand: every key of every Redis call goes through here. */
    public static boolean safe(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        boolean dotsOnly = true;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            dotsOnly &= c == '.';
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '@'
                    || c == '+'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return !dotsOnly;
    }
}
