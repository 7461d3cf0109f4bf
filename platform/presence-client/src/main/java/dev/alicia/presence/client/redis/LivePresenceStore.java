package dev.alicia.presence.client.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.redis.LuaScript;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;

/**
 * Live presence in Redis: read an agent, find the eligible ones, and write a change atomically with the
 * indexes, only if nobody changed the agent since it was read. The presence rules themselves are plain Java
 * ({@link LiveAgent}); Redis guarantees that two writers (two routers reserving the same agent) can never
 * both succeed from the same version.
 */
@ApplicationScoped
public class LivePresenceStore {

    private static final LuaScript APPLY = LuaScript.fromResource(LivePresenceStore.class, "apply.lua");
    private static final LuaScript ELIGIBLE = LuaScript.fromResource(LivePresenceStore.class, "eligible.lua");
    private static final int MAX_ATTEMPTS = 50;

    /** A change that was written: the state before (null for a new agent) and after, with its new version. */
    public record Change(LiveAgent before, LiveAgent after) {}

    private final RedisDataSource redis;

    public LivePresenceStore(RedisDataSource redis) {
        this.redis = redis;
    }

    public Optional<LiveAgent> find(String tenantId, String agentId) {
        Map<String, String> fields = redis.hash(String.class).hgetall(PresenceKeys.agent(tenantId, agentId));
        return fields.isEmpty() ? Optional.empty() : Optional.of(LiveAgentCodec.agent(tenantId, agentId, fields));
    }

    /**
     * Writes {@code after} if the agent is still as {@code before} left it ({@code before == null}: not in Redis
     * yet). Returns the written state with its new version, or empty when someone else changed it first.
     */
    public Optional<LiveAgent> compareAndSet(LiveAgent before, LiveAgent after) {
        String tenant = after.tenantId();
        List<String> keys = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        keys.add(PresenceKeys.agent(tenant, after.agentId()));
        index(keys, ops, PresenceKeys.roster(tenant), "S+");
        Set<Channel> routable = after.routableChannels();
        for (Channel channel : Channel.values()) {
            index(keys, ops, PresenceKeys.routable(tenant, channel), routable.contains(channel) ? "S+" : "S-");
        }
        after.languages().keySet().forEach(language -> index(keys, ops, PresenceKeys.language(tenant, language), "S+"));
        after.skills().forEach((skill, level) -> index(keys, ops, PresenceKeys.skill(tenant, skill), "Z+" + level));
        if (before != null) {
            before.languages().keySet().stream()
                    .filter(language -> !after.languages().containsKey(language))
                    .forEach(language -> index(keys, ops, PresenceKeys.language(tenant, language), "S-"));
            before.skills().keySet().stream()
                    .filter(skill -> !after.skills().containsKey(skill))
                    .forEach(skill -> index(keys, ops, PresenceKeys.skill(tenant, skill), "Z-"));
        }
        Map<String, String> fields = LiveAgentCodec.fields(after);
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(before == null ? 0 : before.version()));
        args.add(after.agentId());
        args.add(String.valueOf(fields.size()));
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        args.addAll(ops);
        long version = APPLY.run(redis, keys, args).toLong();
        if (version < 0) {
            return Optional.empty();
        }
        return Optional.of(after.withVersion(version));
    }

    /** Removes the agent and their index entries, whatever their version. */
    public void remove(String tenantId, String agentId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<LiveAgent> current = find(tenantId, agentId);
            if (current.isEmpty()) {
                return;
            }
            LiveAgent agent = current.get();
            List<String> keys = new ArrayList<>();
            List<String> ops = new ArrayList<>();
            keys.add(PresenceKeys.agent(tenantId, agentId));
            index(keys, ops, PresenceKeys.roster(tenantId), "S-");
            for (Channel channel : Channel.values()) {
                index(keys, ops, PresenceKeys.routable(tenantId, channel), "S-");
            }
            agent.languages().keySet().forEach(l -> index(keys, ops, PresenceKeys.language(tenantId, l), "S-"));
            agent.skills().keySet().forEach(s -> index(keys, ops, PresenceKeys.skill(tenantId, s), "Z-"));
            List<String> args = new ArrayList<>(List.of(String.valueOf(agent.version()), agentId, "-1"));
            args.addAll(ops);
            if (APPLY.run(redis, keys, args).toLong() >= 0) {
                return;
            }
        }
        throw new IllegalStateException("agent kept changing while being removed");
    }

    /**
     * Reads the agent, applies {@code change} (a presence rule, which may refuse by throwing), and writes the
     * result; when another writer got there first, does it again on the fresh state.
     */
    public Optional<Change> update(String tenantId, String agentId, UnaryOperator<LiveAgent> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<LiveAgent> current = find(tenantId, agentId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            LiveAgent before = current.get();
            LiveAgent after = change.apply(before);
            if (after.equals(before)) {
                return Optional.of(new Change(before, before));
            }
            Optional<LiveAgent> written = compareAndSet(before, after);
            if (written.isPresent()) {
                return Optional.of(new Change(before, written.get()));
            }
        }
        throw new IllegalStateException(
                "agent " + agentId + " kept changing; gave up after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * The agents to whom a contact on {@code channel} may be offered now, who speak {@code language} (any when
     * null) and master each skill at least at the given proficiency. One round trip, using the indexes.
     */
    public List<LiveAgent> eligible(
            String tenantId, Channel channel, String language, Map<String, Integer> minimumSkills, int limit) {
        String routable = PresenceKeys.routable(tenantId, channel);
        List<String> keys = new ArrayList<>();
        keys.add(routable);
        keys.add(language == null ? routable : PresenceKeys.language(tenantId, language));
        List<String> args = new ArrayList<>();
        args.add(PresenceKeys.agentPrefix(tenantId));
        args.add(String.valueOf(limit));
        minimumSkills.forEach((skill, level) -> {
            keys.add(PresenceKeys.skill(tenantId, skill));
            args.add(String.valueOf(level));
        });
        Response flat = ELIGIBLE.run(redis, keys, args);
        List<LiveAgent> agents = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            String agentId = flat.get(i).toString();
            Response hash = flat.get(i + 1);
            Map<String, String> fields = new HashMap<>();
            for (int f = 0; f + 1 < hash.size(); f += 2) {
                fields.put(hash.get(f).toString(), hash.get(f + 1).toString());
            }
            agents.add(LiveAgentCodec.agent(tenantId, agentId, fields));
        }
        return agents;
    }

    /** Every agent of the tenant with live state (statistics; not for the routing path). */
    public List<LiveAgent> all(String tenantId) {
        List<LiveAgent> agents = new ArrayList<>();
        for (String agentId : redis.set(String.class).smembers(PresenceKeys.roster(tenantId))) {
            find(tenantId, agentId).ifPresent(agents::add);
        }
        return agents;
    }

    private static void index(List<String> keys, List<String> ops, String key, String op) {
        keys.add(key);
        ops.add(op);
    }
}
