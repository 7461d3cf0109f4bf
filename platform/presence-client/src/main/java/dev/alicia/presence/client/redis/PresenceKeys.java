package dev.alicia.presence.client.redis;

import dev.alicia.kit.redis.RedisKeys;
import dev.alicia.presence.client.model.Channel;

/**
 * The Redis layout of live presence (docs/redis-keys.md). All of a tenant's keys share the tag
 * {@code {<tenant>}} so that an agent and the tenant's indexes change in one atomic script.
 */
public final class PresenceKeys {

    static final String NAMESPACE = "presence";

    private PresenceKeys() {}

    /** Hash of the tenant's agents' live states: field = agent id, value = {@code <version>;<state line>}. */
    public static String states(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "agents");
    }

    /** Set of the agents to whom a contact of this channel may be offered now. */
    public static String routable(String tenantId, Channel channel) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "routable", channel.name());
    }

    /** Set of the agents who speak this language. */
    public static String language(String tenantId, String language) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "lang", language);
    }

    /** Sorted set of the agents who have this skill, scored by proficiency. */
    public static String skill(String tenantId, String skill) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "skill", skill);
    }

    /** Sorted set of the agents who have a skill and speak a language ({@code skill|language}), by proficiency. */
    public static String skillInLanguage(String tenantId, String skillAndLanguage) {
        String[] pair = skillAndLanguage.split("\\|", 2);
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "skill", pair[0], "lang", pair[1]);
    }

    /** String: the generation of indexes the tenant's agents are in ({@code LivePresenceStore.reindex}). */
    public static String indexGeneration(String tenantId) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "index-generation");
    }

    /** Set of the agents to whom a contact on this channel in this language may be offered now. */
    public static String readySpeakers(String tenantId, Channel channel, String language) {
        return RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "ready", channel.name(), "lang", language);
    }

    /**
     * Sorted set of the agents to whom a contact on this channel in this language needing this skill may be
     * offered now, by proficiency: the router's query reads its head and nothing else.
     */
    public static String ready(String tenantId, Channel channel, String skill, String language) {
        return RedisKeys.key(
                NAMESPACE, RedisKeys.tenantTag(tenantId), "ready", channel.name(), "skill", skill, "lang", language);
    }
}
