package dev.alicia.router.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.kit.redis.LuaScript;
import dev.alicia.router.domain.learning.OutcomeCounts;
import dev.alicia.router.domain.learning.Tally;
import dev.alicia.router.service.RouterConfig;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * The learner's counts in Redis, one hash per tenant: what every router instance learned, kept across restarts
 * (Redis persistence) and added to by all of them at once. Reads are cached briefly per instance: a decision needs
 * a few hundred counts that change by one contact at a time.
 */
@ApplicationScoped
public class OutcomeCountsStore {

    private static final LuaScript LEARN = LuaScript.fromResource(OutcomeCountsStore.class, "learn.lua");

    private record Cached(Tally tally, long readAt) {}

    private final RedisDataSource redis;
    private final Clock clock;
    private final long cacheMillis;
    // Per tenant, by the learner's key: a decision looks up hundreds of keys, each without building a new string.
    private final Map<String, Map<String, Cached>> cache = new ConcurrentHashMap<>();

    public OutcomeCountsStore(RedisDataSource redis, Clock clock, RouterConfig config) {
        this.redis = redis;
        this.clock = clock;
        this.cacheMillis = config.learning().countsCache().toMillis();
    }

    /** The counts of one tenant, as the learner sees them. */
    public OutcomeCounts of(String tenantId) {
        Map<String, Cached> cached = cache.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>());
        return new OutcomeCounts() {
            @Override
            public void add(Map<String, Tally> increments) {
                List<String> args = new ArrayList<>(increments.size() * Tally.FIELDS.size() * 2);
                increments.forEach((key, tally) -> {
                    double[] values = tally.values();
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] != 0) {
                            args.add(key + "|" + Tally.FIELDS.get(i));
                            args.add(Double.toString(values[i]));
                        }
                    }
                    // What this instance added, it must not read stale.
                    cached.remove(key);
                });
                LEARN.run(redis, List.of(RouterKeys.outcomes(tenantId)), args);
            }

            @Override
            public List<Tally> read(List<String> keys) {
                return OutcomeCountsStore.this.read(tenantId, cached, keys);
            }
        };
    }

    private List<Tally> read(String tenantId, Map<String, Cached> tenantCache, List<String> keys) {
        long now = clock.millis();
        Tally[] found = new Tally[keys.size()];
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < found.length; k++) {
            Cached cached = cacheMillis > 0 ? tenantCache.get(keys.get(k)) : null;
            if (cached != null && now - cached.readAt() < cacheMillis) {
                found[k] = cached.tally();
            } else {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            readMissing(tenantId, tenantCache, keys, missing, found, now);
        }
        return Arrays.asList(found);
    }

    /** One HMGET for every field of every key the cache could not answer. */
    private void readMissing(
            String tenantId,
            Map<String, Cached> tenantCache,
            List<String> keys,
            List<Integer> missing,
            Tally[] found,
            long now) {
        int width = Tally.FIELDS.size();
        String[] fields = new String[missing.size() * width];
        for (int m = 0; m < missing.size(); m++) {
            String key = keys.get(missing.get(m));
            for (int f = 0; f < width; f++) {
                fields[m * width + f] = key + "|" + Tally.FIELDS.get(f);
            }
        }
        Map<String, String> values = redis.hash(String.class).hmget(RouterKeys.outcomes(tenantId), fields);
        for (int m = 0; m < missing.size(); m++) {
            Map<String, Double> tally = new HashMap<>(width * 2);
            for (int f = 0; f < width; f++) {
                String value = values.get(fields[m * width + f]);
                if (value != null) {
                    tally.put(Tally.FIELDS.get(f), Double.parseDouble(value));
                }
            }
            Tally read = tally.isEmpty() ? Tally.ZERO : Tally.of(tally);
            int k = missing.get(m);
            found[k] = read;
            if (cacheMillis > 0) {
                tenantCache.put(keys.get(k), new Cached(read, now));
            }
        }
        if (tenantCache.size() > 200_000) {
            tenantCache.clear(); // a crude bound: the cache only saves round trips
        }
    }
}
