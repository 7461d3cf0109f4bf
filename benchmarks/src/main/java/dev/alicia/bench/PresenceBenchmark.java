package dev.alicia.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.alicia.infra.EmbeddedRedisServer;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.Load;
import dev.alicia.presence.client.model.PresenceRuleViolation;
import dev.alicia.presence.client.redis.LivePresenceStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.runtime.datasource.BlockingRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import org.HdrHistogram.Histogram;

/**
 * The presence primitives at contact-center scale: 20,000 agents, 50 skills, 10 languages, in one tenant on a
 * local Redis. Measures the eligible-agents query (latency, one caller) and the reservation primitive
 * (compare-and-set of a reserved agent, throughput with 16 callers), next to redis-benchmark's PING and
 * EVALSHA on the same server in the same run.
 */
@SuppressWarnings("checkstyle:regexp")
public final class PresenceBenchmark {

    private static final PrintStream OUT = System.out;
    private static final String TENANT = "bench";
    private static final int AGENTS = 20_000;
    private static final int SKILLS = 50;
    private static final List<String> LANGUAGES = List.of("fr", "en", "de", "es", "it", "nl", "pt", "ar", "pl", "tr");
    private static final int QUERY_WARMUP = 3_000;
    private static final int QUERIES = 20_000;
    private static final int RESERVERS = Integer.getInteger("reservers", 8);
    private static final Duration RESERVATION_RUN = Duration.ofSeconds(10);

    private PresenceBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        try (EmbeddedRedisServer server = EmbeddedRedisServer.startTemporary()) {
            Vertx vertx = Vertx.vertx();
            Redis client = Redis.createClient(
                    vertx,
                    new RedisOptions()
                            .setConnectionString(server.uri())
                            .setMaxPoolSize(RESERVERS * 2)
                            .setMaxPoolWaiting(4096));
            RedisDataSource redis =
                    new BlockingRedisDataSourceImpl(vertx, client, RedisAPI.api(client), Duration.ofSeconds(10));
            LivePresenceStore store = new LivePresenceStore(redis);

            OUT.println("loading " + AGENTS + " agents ...");
            List<LiveAgent> agents = populate(store);
            OUT.println("eligible-agents query ...");
            redis.execute("CONFIG", "RESETSTAT");
            Histogram query = eligibleQueries(store);
            double queryInRedis = scriptMicros(redis);
            OUT.println("reservations with " + RESERVERS + " callers for " + RESERVATION_RUN.toSeconds() + " s ...");
            redis.execute("CONFIG", "RESETSTAT");
            Reservations reservations = reservations(store, agents);
            double casInRedis = scriptMicros(redis);
            OUT.println("redis-benchmark floor ...");
            Optional<Path> redisBenchmark = RedisBenchmarkFloor.binary();
            List<RedisBenchmarkFloor.Figures> floor = new ArrayList<>();
            if (redisBenchmark.isPresent()) {
                String sha = redis.execute("SCRIPT", "LOAD", "return redis.call('HGET', KEYS[1], 'version')")
                        .toString();
                floor.add(RedisBenchmarkFloor.run(
                        redisBenchmark.get(), server.port(), 1, 50_000, "PING, 1 client", "PING"));
                floor.add(RedisBenchmarkFloor.run(
                        redisBenchmark.get(),
                        server.port(),
                        RESERVERS,
                        200_000,
                        "PING, " + RESERVERS + " clients",
                        "PING"));
                floor.add(RedisBenchmarkFloor.run(
                        redisBenchmark.get(),
                        server.port(),
                        RESERVERS,
                        200_000,
                        "EVALSHA (one HGET), " + RESERVERS + " clients",
                        "EVALSHA",
                        sha,
                        "1",
                        "presence:{bench}:agent:a-1"));
            }
            String section = section(query, queryInRedis, reservations, casInRedis, floor, server);
            OUT.println(section);
            BenchmarkReport.write(report, "presence", section);
            client.close();
            vertx.closeAndAwait();
        }
    }

    private static List<LiveAgent> populate(LivePresenceStore store) {
        SplittableRandom random = new SplittableRandom(42);
        List<LiveAgent> agents = new ArrayList<>(AGENTS);
        for (int i = 0; i < AGENTS; i++) {
            Map<String, Integer> languages = new HashMap<>();
            languages.put(LANGUAGES.get(i % LANGUAGES.size()), 5);
            if (random.nextInt(10) < 3) {
                languages.put(LANGUAGES.get(random.nextInt(LANGUAGES.size())), 3);
            }
            Map<String, Integer> skills = new HashMap<>();
            while (skills.size() < 5) {
                skills.put("skill-" + random.nextInt(SKILLS), 1 + random.nextInt(5));
            }
            LiveAgent agent = new LiveAgent(
                    TENANT,
                    "a-" + i,
                    "team-" + (i % 40),
                    AgentStatus.AVAILABLE,
                    null,
                    languages,
                    skills,
                    EnumSet.allOf(Channel.class),
                    CapacityProfile.standard(),
                    Map.of("empathy", random.nextDouble()),
                    Load.NONE,
                    1L,
                    0);
            agents.add(store.compareAndSet(null, agent).orElseThrow());
        }
        return agents;
    }

    private static Histogram eligibleQueries(LivePresenceStore store) {
        SplittableRandom random = new SplittableRandom(7);
        Channel[] channels = {Channel.CHAT, Channel.VOICE, Channel.EMAIL};
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
        long returned = 0;
        for (int i = 0; i < QUERY_WARMUP + QUERIES; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            skills.put("skill-" + random.nextInt(SKILLS), 1 + random.nextInt(4));
            if (random.nextInt(10) < 3) {
                skills.put("skill-" + random.nextInt(SKILLS), 1);
            }
            String language = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            long start = System.nanoTime();
            int found = store.eligible(TENANT, channels[random.nextInt(channels.length)], language, skills, 50)
                    .size();
            long elapsed = System.nanoTime() - start;
            if (i >= QUERY_WARMUP) {
                histogram.recordValue(elapsed);
                returned += found;
            }
        }
        OUT.printf(Locale.ROOT, "  %.1f agents returned per query on average%n", (double) returned / QUERIES);
        return histogram;
    }

    private record Reservations(long reserved, double seconds, Histogram latency, long stale) {}

    /**
     * Each caller works on its own slice of the agents (as router instances spread over contacts do), reserving
     * a chat for one agent then releasing it, each a compare-and-set from the state it last saw.
     */
    private static Reservations reservations(LivePresenceStore store, List<LiveAgent> agents) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RESERVERS);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<long[]>> results = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (int t = 0; t < RESERVERS; t++) {
            int slice = t;
            Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
            histograms.add(histogram);
            results.add(pool.submit(() -> {
                List<LiveAgent> mine = new ArrayList<>();
                for (int i = slice; i < agents.size(); i += RESERVERS) {
                    mine.add(agents.get(i));
                }
                long reserved = 0;
                long stale = 0;
                long contact = 0;
                int next = 0;
                while (running.get()) {
                    int index = next++ % mine.size();
                    LiveAgent seen = mine.get(index);
                    LiveAgent wanted;
                    try {
                        wanted = seen.reserve("c-" + slice + "-" + contact++, Channel.CHAT, Long.MAX_VALUE);
                    } catch (PresenceRuleViolation full) {
                        continue;
                    }
                    long start = System.nanoTime();
                    Optional<LiveAgent> written = store.compareAndSet(seen, wanted);
                    long elapsed = System.nanoTime() - start;
                    if (written.isEmpty()) {
                        stale++;
                        mine.set(index, store.find(TENANT, seen.agentId()).orElseThrow());
                        continue;
                    }
                    if (measuring.get()) {
                        histogram.recordValue(elapsed);
                        reserved++;
                    }
                    LiveAgent held = written.get();
                    String contactId = held.contacts().get(0).contactId();
                    mine.set(
                            index,
                            store.compareAndSet(held, held.release(contactId, 1L))
                                    .orElseThrow());
                }
                return new long[] {reserved, stale};
            }));
        }
        Thread.sleep(2_000);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(RESERVATION_RUN.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        long reserved = 0;
        long stale = 0;
        for (Future<long[]> result : results) {
            long[] counts = result.get();
            reserved += counts[0];
            stale += counts[1];
        }
        pool.shutdown();
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
        histograms.forEach(latency::add);
        return new Reservations(reserved, seconds, latency, stale);
    }

    /** Mean time Redis itself spent per script call since the last CONFIG RESETSTAT (INFO commandstats). */
    private static double scriptMicros(RedisDataSource redis) {
        String stats = redis.execute("INFO", "commandstats").toString();
        for (String line : stats.split("\\r?\\n")) {
            if (line.startsWith("cmdstat_evalsha:")) {
                for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                    if (field.startsWith("usec_per_call=")) {
                        return Double.parseDouble(field.substring("usec_per_call=".length()));
                    }
                }
            }
        }
        return Double.NaN;
    }

    private static String section(
            Histogram query,
            double queryInRedis,
            Reservations reservations,
            double casInRedis,
            List<RedisBenchmarkFloor.Figures> floor,
            EmbeddedRedisServer server) {
        double reservationsPerSecond = reservations.reserved() / reservations.seconds();
        StringBuilder md = new StringBuilder();
        md.append("## Presence: eligible-agents query and reservation primitive\n\n");
        md.append("`benchmarks/run.sh presence` — ")
                .append(LocalDate.now())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(server.binaryDescription())
                .append(", Redis and the driver on the same machine. ")
                .append(AGENTS)
                .append(" AVAILABLE agents in one tenant, ")
                .append(SKILLS)
                .append(" skills (5 each, ")
                .append("proficiency 1-5), ")
                .append(LANGUAGES.size())
                .append(" languages (1-2 each), all channels.\n\n");
        md.append("| measure | result | target |\n|---|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| eligible-agents query (channel + language + 1-2 skills with a minimum level, up to 50 agents with their state), 1 caller, %d queries | p50 %.3f ms, p99 %.3f ms, max %.3f ms; %.0f µs of it inside Redis | p99 ≤ 1 ms |%n",
                QUERIES,
                millis(query, 50),
                millis(query, 99),
                query.getMaxValue() / 1e6,
                queryInRedis));
        md.append(String.format(
                Locale.ROOT,
                "| reservation primitive (compare-and-set of an agent with a reserved chat, indexes updated), %d callers, %.0f s | %,.0f reservations/s (+ as many releases); p50 %.3f ms, p99 %.3f ms; %.0f µs inside Redis per call; %d stale versions retried | ≥ 20,000/s |%n",
                RESERVERS,
                reservations.seconds(),
                reservationsPerSecond,
                millis(reservations.latency(), 50),
                millis(reservations.latency(), 99),
                casInRedis,
                reservations.stale()));
        if (floor.isEmpty()) {
            md.append(
                    "\nNo `redis-benchmark` on this machine (Debian: `apt-get install redis-tools`): no floor measured.\n");
            return md.toString();
        }
        md.append("\nThe floor, measured by `redis-benchmark` against the same server in the same run:\n\n");
        md.append("| redis-benchmark | requests/s | p50 | p99 |\n|---|---|---|---|\n");
        for (RedisBenchmarkFloor.Figures figures : floor) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %.3f ms | %.3f ms |%n",
                    figures.command(),
                    figures.requestsPerSecond(),
                    figures.p50Millis(),
                    figures.p99Millis()));
        }
        RedisBenchmarkFloor.Figures ping = floor.get(0);
        RedisBenchmarkFloor.Figures evalsha = floor.get(floor.size() - 1);
        md.append(String.format(
                Locale.ROOT,
                "%nRatios: eligible-query p99 = **%.1f×** a single client's PING p99; reservations/s = **%.2f×** "
                        + "(each reservation also pays a release) the EVALSHA requests/s of a one-line script at the "
                        + "same concurrency.%n",
                millis(query, 99) / ping.p99Millis(),
                reservationsPerSecond / evalsha.requestsPerSecond()));
        return md.toString();
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }
}
