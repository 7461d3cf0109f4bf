package dev.alicia.presence.live;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.redis.RedisKeys;
import dev.alicia.presence.domain.AgentStatus;
import dev.alicia.presence.persistence.Agent;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;

/**
 * The live state of agents in Redis, in the layout the router reads (docs/redis-keys.md): one hash per
 * agent and a set of the available ones, all under the tenant's hash tag so that they change together.
 */
@ApplicationScoped
public class LivePresence {

    static final String NAMESPACE = "presence";

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;

    public LivePresence(RedisDataSource redis) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
    }

    /** Writes the agent's profile and status, and their membership of the available set, atomically. */
    public long write(Agent agent, AgentStatus status) {
        String tag = RedisKeys.tenantTag(agent.tenantId);
        String agentKey = agentKey(tag, agent.agentId);
        String availableKey = RedisKeys.key(NAMESPACE, tag, "available");
        Map<String, String> fields = Map.of(
                "status", status.name(),
                "languages", String.join(",", agent.languages),
                "skills", skills(agent.skills),
                "updatedAt", Instant.now().toString());
        var result = redis.withTransaction(tx -> {
            tx.hash(String.class).hset(agentKey, fields);
            tx.hash(String.class).hincrby(agentKey, "version", 1);
            if (status == AgentStatus.AVAILABLE) {
                tx.set(String.class).sadd(availableKey, agent.agentId);
            } else {
                tx.set(String.class).srem(availableKey, agent.agentId);
            }
        });
        return result.<Long>get(1);
    }

    public Optional<AgentStatus> status(String tenantId, String agentId) {
        String status = hashes.hget(agentKey(RedisKeys.tenantTag(tenantId), agentId), "status");
        return Optional.ofNullable(status).map(AgentStatus::valueOf);
    }

    private static String agentKey(String tag, String agentId) {
        return RedisKeys.key(NAMESPACE, tag, "agent", agentId);
    }

    private static String skills(Map<String, Integer> skills) {
        return new TreeMap<>(skills)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
