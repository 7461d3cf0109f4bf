package dev.alicia.router.store;

import dev.alicia.kit.redis.RedisKeys;

/**
 * The router's Redis layout (docs/redis-keys.md). Every key of a tenant carries the tenant's tag, the same as
 * the presence keys, so a queue and its indexes change in one script and Redis Cluster needs no code change.
 */
public final class RouterKeys {

    static final String NAMESPACE = "router";

    private RouterKeys() {}

    /** String: the contact's {@link ContactState} as JSON. */
    static String contact(String tenantId, String contactId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "contact", contactId);
    }

    /** Sorted set of a queue's waiting contacts by rank (priority with aging; lowest first). */
    static String queue(String tenantId, String queue) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "queue", queue);
    }

    /** Sorted set of a queue's waiting contacts by when they started waiting (the longest wait). */
    static String waitingSince(String tenantId, String queue) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "waiting-since", queue);
    }

    /** Set of the tenant's queues that may have waiting contacts. */
    static String queues(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "queues");
    }

    /** Set of the tenant's queues with a contact waiting now: empty, and agent-first matching stops at once. */
    static String waitingQueues(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "waiting-queues");
    }

    /** Sorted set of open offers by deadline (epoch ms). */
    static String offers(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "offers");
    }

    /** Sorted set of contacts taken from a queue and not yet offered or queued again, by deadline (epoch ms). */
    static String inFlight(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "in-flight");
    }

    /** Sorted set of waiting contacts by when their queue's next widening step is due (epoch ms). */
    static String widening(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "widening");
    }

    /** Hash: agent id → {@code <in a row>;<cool-down until>}, the emotional-load guard's memory. */
    static String streaks(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "streaks");
    }

    /** Hash of the learner's counts: field {@code <count key>|<tally field>} → a sum, added to by HINCRBYFLOAT. */
    static String outcomes(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "outcomes");
    }

    /** Hash: queue → the agent who got its last contact (round-robin cursor). */
    static String cursors(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "round-robin");
    }

    /** Hash of a queue's counters over one statistics interval starting at {@code intervalStart} (epoch ms). */
    static String statistics(String tenantId, String queue, long intervalStart) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "stats", queue, String.valueOf(intervalStart));
    }

    /** Hash: periodic task → when an instance may next run it for the tenant (epoch ms), see {@code turn.lua}. */
    static String turns(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "turns");
    }

    /** Set of the tenants with routing activity, for the sweeper: a registry, not tenant data. */
    static String tenants() {
        return RedisKeys.key(NAMESPACE, "registry", "tenants");
    }
}
