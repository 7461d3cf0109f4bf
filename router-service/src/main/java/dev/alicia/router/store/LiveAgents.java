package dev.alicia.router.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.redis.RedisKeys;
import dev.alicia.router.domain.Candidate;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Reads the agents agent-presence-service keeps live in Redis (layout in docs/redis-keys.md), and claims one.
 * The walking skeleton claims by removing the agent from the tenant's available set: SREM answers 1 to
 * exactly one caller, so two routers can never both win the same agent.
 */
@ApplicationScoped
public class LiveAgents {

    private static final String NAMESPACE = "presence";

    private final RedisDataSource redis;

    public LiveAgents(RedisDataSource redis) {
        this.redis = redis;
    }

    public List<Candidate> available(String tenantId) {
        String tag = RedisKeys.tenantTag(tenantId);
        Set<String> ids = redis.set(String.class).smembers(RedisKeys.key(NAMESPACE, tag, "available"));
        List<Candidate> candidates = new ArrayList<>(ids.size());
        for (String agentId : ids) {
            Map<String, String> fields =
                    redis.hash(String.class).hgetall(RedisKeys.key(NAMESPACE, tag, "agent", agentId));
            if (!fields.isEmpty()) {
                candidates.add(
                        new Candidate(agentId, languages(fields.get("languages")), skills(fields.get("skills"))));
            }
        }
        return candidates;
    }

    /** True for exactly one caller per availability of the agent. */
    public boolean claim(String tenantId, String agentId) {
        String key = RedisKeys.key(NAMESPACE, RedisKeys.tenantTag(tenantId), "available");
        return redis.set(String.class).srem(key, agentId) == 1;
    }

    private static Set<String> languages(String csv) {
        return csv == null || csv.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(csv.split(",")));
    }

    private static Map<String, Integer> skills(String csv) {
        Map<String, Integer> skills = new HashMap<>();
        if (csv != null && !csv.isBlank()) {
            for (String entry : csv.split(",")) {
                String[] pair = entry.split("=", 2);
                if (pair.length == 2) {
                    skills.put(pair[0], Integer.parseInt(pair[1]));
                }
            }
        }
        return skills;
    }
}
