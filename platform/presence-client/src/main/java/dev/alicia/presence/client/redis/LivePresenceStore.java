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
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
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
    private final ReactiveRedisDataSource reactive;

    public LivePresenceStore(RedisDataSource redis, ReactiveRedisDataSource reactive) {
        this.redis = redis;
        this.reactive = reactive;
    }

    public Optional<LiveAgent> find(String tenantId, String agentId) {
        String stored = redis.hash(String.class).hget(PresenceKeys.states(tenantId), agentId);
        return Optional.ofNullable(stored).map(line -> LiveAgentCodec.decode(tenantId, agentId, line));
    }

    /**
     * Writes {@code after} if the agent is still as {@code before} left it ({@code before == null}: not in Redis
     * yet). Returns the written state with its new version, or empty when someone else changed it first.
     */
    public Optional<LiveAgent> compareAndSet(LiveAgent before, LiveAgent after) {
        Call call = prepare(before, after);
        return written(after, APPLY.run(redis, call.keys(), call.args()));
    }

    /** {@link #compareAndSet} without blocking the caller, so that many reservations can be in flight at once. */
    public Uni<Optional<LiveAgent>> compareAndSetAsync(LiveAgent before, LiveAgent after) {
        Call call = prepare(before, after);
        return APPLY.runAsync(reactive, call.keys(), call.args()).map(response -> written(after, response));
    }

    private record Call(List<String> keys, List<String> args) {}

    private static Optional<LiveAgent> written(LiveAgent after, Response response) {
        long version = response.toLong();
        return version < 0 ? Optional.empty() : Optional.of(after.withVersion(version));
    }

    private static Call prepare(LiveAgent before, LiveAgent after) {
        return prepare(before, after, before == null ? 0 : before.version());
    }

    private static Call prepare(LiveAgent before, LiveAgent after, long expectedVersion) {
        // Only what differs from `before` is sent: if the version still matches, Redis holds exactly `before`.
        String tenant = after.tenantId();
        List<String> keys = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        keys.add(PresenceKeys.states(tenant));
        Set<Channel> wasRoutable = before == null ? Set.of() : before.routableChannels();
        Set<Channel> routable = after.routableChannels();
        for (Channel channel : Channel.values()) {
            boolean is = routable.contains(channel);
            if (before == null || is != wasRoutable.contains(channel)) {
                index(keys, ops, PresenceKeys.routable(tenant, channel), is ? "S+" : "S-");
            }
        }
        // A reservation or a status change keeps languages and skills: their indexes are left alone.
        boolean sameProfile = before != null
                && before.languages().equals(after.languages())
                && before.skills().equals(after.skills());
        if (!sameProfile) {
            Map<String, Integer> wasLanguages = before == null ? Map.of() : before.languages();
            diff(
                    wasLanguages,
                    after.languages(),
                    language -> PresenceKeys.language(tenant, language),
                    keys,
                    ops,
                    false);
            Map<String, Integer> wasSkills = before == null ? Map.of() : before.skills();
            diff(wasSkills, after.skills(), skill -> PresenceKeys.skill(tenant, skill), keys, ops, true);
            Map<String, Integer> wasPairs = before == null ? Map.of() : skillsByLanguage(before);
            diff(
                    wasPairs,
                    skillsByLanguage(after),
                    pair -> PresenceKeys.skillInLanguage(tenant, pair),
                    keys,
                    ops,
                    true);
        }
        // The ready indexes follow routability as well as the profile: a reservation that fills the agent's
        // last chat takes them out of every chat index at once, so the router's query never walks past them.
        diff(readySpeakers(tenant, before), readySpeakers(tenant, after), key -> key, keys, ops, false);
        diff(ready(tenant, before), ready(tenant, after), key -> key, keys, ops, true);

        List<String> args = new ArrayList<>(4 + ops.size());
        args.add(String.valueOf(expectedVersion));
        args.add(after.agentId());
        args.add(LiveAgentCodec.encode(after));
        args.addAll(ops);
        return new Call(keys, args);
    }

    /** Index membership to add, re-score or remove, from the old entries to the new ones. */
    private static void diff(
            Map<String, Integer> was,
            Map<String, Integer> is,
            java.util.function.Function<String, String> key,
            List<String> keys,
            List<String> ops,
            boolean scored) {
        is.forEach((entry, level) -> {
            if (!level.equals(was.get(entry)) || (!scored && !was.containsKey(entry))) {
                index(keys, ops, key.apply(entry), scored ? "Z+" + level : "S+");
            }
        });
        was.keySet().stream()
                .filter(entry -> !is.containsKey(entry))
                .forEach(entry -> index(keys, ops, key.apply(entry), scored ? "Z-" : "S-"));
    }

    /** {@code skill|language} → proficiency: the composite index that makes a language + skill query small. */
    private static Map<String, Integer> skillsByLanguage(LiveAgent agent) {
        Map<String, Integer> pairs = new HashMap<>();
        agent.skills()
                .forEach((skill, level) ->
                        agent.languages().keySet().forEach(language -> pairs.put(skill + "|" + language, level)));
        return pairs;
    }

    /** The ready-speakers set of each channel the agent may be offered a contact on now, per language (null: none). */
    private static Map<String, Integer> readySpeakers(String tenant, LiveAgent agent) {
        Map<String, Integer> keys = new HashMap<>();
        if (agent != null) {
            for (Channel channel : agent.routableChannels()) {
                agent.languages()
                        .keySet()
                        .forEach(language -> keys.put(PresenceKeys.readySpeakers(tenant, channel, language), 0));
            }
        }
        return keys;
    }

    /** The ready index of each channel the agent may be offered a contact on now, per skill and language → level. */
    private static Map<String, Integer> ready(String tenant, LiveAgent agent) {
        Map<String, Integer> keys = new HashMap<>();
        if (agent != null) {
            for (Channel channel : agent.routableChannels()) {
                agent.skills()
                        .forEach((skill, level) -> agent.languages()
                                .keySet()
                                .forEach(language ->
                                        keys.put(PresenceKeys.ready(tenant, channel, skill, language), level)));
            }
        }
        return keys;
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
            keys.add(PresenceKeys.states(tenantId));
            for (Channel channel : Channel.values()) {
                index(keys, ops, PresenceKeys.routable(tenantId, channel), "S-");
            }
            agent.languages().keySet().forEach(l -> index(keys, ops, PresenceKeys.language(tenantId, l), "S-"));
            agent.skills().keySet().forEach(s -> index(keys, ops, PresenceKeys.skill(tenantId, s), "Z-"));
            skillsByLanguage(agent)
                    .keySet()
                    .forEach(pair -> index(keys, ops, PresenceKeys.skillInLanguage(tenantId, pair), "Z-"));
            readySpeakers(tenantId, agent).keySet().forEach(key -> index(keys, ops, key, "S-"));
            ready(tenantId, agent).keySet().forEach(key -> index(keys, ops, key, "Z-"));
            List<String> args = new ArrayList<>(List.of(String.valueOf(agent.version()), agentId, ""));
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
     * null) and master each skill at least at the given proficiency, most proficient in the first skill first
     * (without skills: any {@code limit} of them). One round trip; with a language it reads the ready indexes,
     * whose members all qualify, so the answer costs the same however many of the best agents are busy.
     */
    public List<LiveAgent> eligible(
            String tenantId, Channel channel, String language, Map<String, Integer> minimumSkills, int limit) {
        List<String> sets = new ArrayList<>();
        String first = null;
        if (language == null) {
            sets.add(PresenceKeys.routable(tenantId, channel));
        } else if (minimumSkills.isEmpty()) {
            sets.add(PresenceKeys.readySpeakers(tenantId, channel, language));
        } else {
            first = PresenceKeys.ready(
                    tenantId, channel, minimumSkills.keySet().iterator().next(), language);
        }
        return query(tenantId, sets, first, minimumSkills, limit);
    }

    /**
     * The agents who speak {@code language} and master each skill at least at the given proficiency, whatever
     * their status and load now (the caller filters): who could take such a contact once free, most proficient
     * first. One round trip; empty without a language.
     */
    public List<LiveAgent> qualified(String tenantId, String language, Map<String, Integer> minimumSkills, int limit) {
        if (language == null) {
            return List.of();
        }
        if (minimumSkills.isEmpty()) {
            return query(tenantId, List.of(PresenceKeys.language(tenantId, language)), null, minimumSkills, limit);
        }
        String first = PresenceKeys.skillInLanguage(
                tenantId, minimumSkills.keySet().iterator().next() + "|" + language);
        return query(tenantId, List.of(), first, minimumSkills, limit);
    }

    /**
     * Runs {@code eligible.lua}: members of every set in {@code sets}, walking {@code first} (the first skill's
     * sorted set, or null for the skill's plain index) and checking the other skills' levels.
     */
    private List<LiveAgent> query(
            String tenantId, List<String> sets, String first, Map<String, Integer> minimumSkills, int limit) {
        List<String> keys = new ArrayList<>();
        keys.add(PresenceKeys.states(tenantId));
        keys.addAll(sets);
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(limit));
        args.add(String.valueOf(sets.size()));
        String walked = first;
        for (Map.Entry<String, Integer> skill : minimumSkills.entrySet()) {
            keys.add(walked != null ? walked : PresenceKeys.skill(tenantId, skill.getKey()));
            args.add(String.valueOf(skill.getValue()));
            walked = null;
        }
        return decodeAll(tenantId, ELIGIBLE.run(redis, keys, args));
    }

    private static List<LiveAgent> decodeAll(String tenantId, Response flat) {
        List<LiveAgent> agents = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            agents.add(LiveAgentCodec.decode(
                    tenantId, flat.get(i).toString(), flat.get(i + 1).toString()));
        }
        return agents;
    }

    /** Every agent of the tenant with live state (statistics; not for the routing path). */
    public List<LiveAgent> all(String tenantId) {
        List<LiveAgent> agents = new ArrayList<>();
        redis.hash(String.class)
                .hgetall(PresenceKeys.states(tenantId))
                .forEach((agentId, line) -> agents.add(LiveAgentCodec.decode(tenantId, agentId, line)));
        return agents;
    }

    /**
     * Which generation of indexes this store keeps; raised when an index is added, so that {@link #reindex} fills
     * it for agents written before (2: the ready indexes).
     */
    static final String INDEX_GENERATION = "2";

    /**
     * Puts every agent of the tenant in every index their state calls for, once per index generation: Redis data
     * written by an older version lacks the newer indexes until each agent's next change, and until then the
     * router's queries would not see them. Each agent is rewritten as it is, compare-and-set on its version (a
     * concurrent change is read again and redone), which is all it takes: the entries are added, never removed.
     * Returns how many agents were indexed (0 when the tenant's indexes were up to date).
     */
    public int reindex(String tenantId) {
        String marker = PresenceKeys.indexGeneration(tenantId);
        if (INDEX_GENERATION.equals(redis.value(String.class).get(marker))) {
            return 0;
        }
        int indexed = 0;
        var cursor = redis.hash(String.class).hscan(PresenceKeys.states(tenantId));
        while (cursor.hasNext()) {
            for (Map.Entry<String, String> scanned : cursor.next().entrySet()) {
                if (reindex(LiveAgentCodec.decode(tenantId, scanned.getKey(), scanned.getValue()))) {
                    indexed++;
                }
            }
        }
        redis.value(String.class).set(marker, INDEX_GENERATION);
        return indexed;
    }

    /** The agent as scanned; read again only when they changed since. */
    private boolean reindex(LiveAgent scanned) {
        LiveAgent agent = scanned;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Call call = prepare(null, agent, agent.version());
            if (APPLY.run(redis, call.keys(), call.args()).toLong() >= 0) {
                return true;
            }
            Optional<LiveAgent> current = find(agent.tenantId(), agent.agentId());
            if (current.isEmpty()) {
                return false;
            }
            agent = current.get();
        }
        throw new IllegalStateException("agent " + agent.agentId() + " kept changing while being indexed");
    }

    private static void index(List<String> keys, List<String> ops, String key, String op) {
        keys.add(key);
        ops.add(op);
    }
}
