package dev.alicia.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final int IN_FLIGHT = Integer.getInteger("inFlight", 128);

    private PresenceBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        try (EmbeddedRedisServer server = EmbeddedRedisServer.startTemporary()) {
            BenchRedis bench = new BenchRedis(server, Math.max(RESERVERS * 2, 16));
            RedisDataSource redis = bench.blocking;
            LivePresenceStore store = new LivePresenceStore(redis, bench.reactive);

            OUT.println("loading " + AGENTS + " agents ...");
            List<LiveAgent> agents = populate(store);
            OUT.println("eligible-agents query ...");
            redis.execute("CONFIG", "RESETSTAT");
            Histogram query = eligibleQueries(store);
            double queryInRedis = bench.scriptMicros();
            OUT.println("reservations with " + RESERVERS + " callers for " + RESERVATION_RUN.toSeconds() + " s ...");
            redis.execute("CONFIG", "RESETSTAT");
            Reservations reservations = reservations(store, agents);
            double casInRedis = bench.scriptMicros();
            OUT.println("reservations with " + IN_FLIGHT + " in flight, non-blocking, for "
                    + RESERVATION_RUN.toSeconds() + " s ...");
            Reservations asynchronous = asyncReservations(store, reservations.finalStates());
            OUT.println("redis-benchmark floor ...");
            Optional<Path> redisBenchmark = RedisBenchmarkFloor.binary();
            List<RedisBenchmarkFloor.Figures> floor = new ArrayList<>();
            if (redisBenchmark.isPresent()) {
                String sha = redis.execute("SCRIPT", "LOAD", "return redis.call('HGET', KEYS[1], 'a-1')")
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
                        "presence:{bench}:agents"));
            }
            String section = section(query, queryInRedis, reservations, asynchronous, casInRedis, floor, server);
            OUT.println(section);
            BenchmarkReport.write(report, "presence", section);
            bench.close();
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

    private record Reservations(
            long reserved, double seconds, Histogram latency, long stale, List<LiveAgent> finalStates) {}

    /**
     * Each caller works on its own slice of the agents (as router instances spread over contacts do), reserving
     * a chat for one agent then releasing it, each a compare-and-set from the state it last saw.
     */
    private static Reservations reservations(LivePresenceStore store, List<LiveAgent> agents) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RESERVERS);
        List<LiveAgent> finalStates = new ArrayList<>(agents);
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
                for (int i = 0; i < mine.size(); i++) {
                    finalStates.set(slice + i * RESERVERS, mine.get(i));
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
        return new Reservations(reserved, seconds, latency, stale, finalStates);
    }

    /**
     * The same reservation and release, with {@value #IN_FLIGHT} chains in flight on the Redis client's event
     * loop and no thread blocked per call: how a router that pipelines its reservations would use the primitive.
     */
    private static Reservations asyncReservations(LivePresenceStore store, List<LiveAgent> agents) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean(false);
        java.util.concurrent.atomic.AtomicLong reserved = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong stale = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(IN_FLIGHT);
        List<LiveAgent> states = new ArrayList<>(agents);
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
        for (int chain = 0; chain < IN_FLIGHT; chain++) {
            new AsyncChain(chain, store, states, running, measuring, reserved, stale, finished, latency).next();
        }
        Thread.sleep(2_000);
        reserved.set(0);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(RESERVATION_RUN.toMillis());
        long count = reserved.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        measuring.set(false);
        running.set(false);
        finished.await(30, TimeUnit.SECONDS);
        return new Reservations(count, seconds, latency, stale.get(), states);
    }

    /** One chain of reserve-then-release calls over its own slice of agents, each call started by the last. */
    private record AsyncChain(
            int chain,
            LivePresenceStore store,
            List<LiveAgent> states,
            AtomicBoolean running,
            AtomicBoolean measuring,
            java.util.concurrent.atomic.AtomicLong reserved,
            java.util.concurrent.atomic.AtomicLong stale,
            java.util.concurrent.CountDownLatch finished,
            Histogram latency) {

        void next() {
            if (!running.get()) {
                finished.countDown();
                return;
            }
            int index = chain + IN_FLIGHT * (int) (Math.floorMod(System.nanoTime(), AGENTS / IN_FLIGHT));
            LiveAgent seen = states.get(index);
            LiveAgent wanted = seen.reserve("c-" + chain + "-" + System.nanoTime(), Channel.CHAT, Long.MAX_VALUE);
            long start = System.nanoTime();
            store.compareAndSetAsync(seen, wanted)
                    .subscribe()
                    .with(
                            written -> {
                                long elapsed = System.nanoTime() - start;
                                if (written.isEmpty()) {
                                    stale.incrementAndGet();
                                    finished.countDown();
                                    return;
                                }
                                if (measuring.get()) {
                                    synchronized (latency) {
                                        latency.recordValue(elapsed);
                                    }
                                }
                                reserved.incrementAndGet();
                                LiveAgent held = written.get();
                                LiveAgent free =
                                        held.release(held.contacts().get(0).contactId(), 1L);
                                store.compareAndSetAsync(held, free)
                                        .subscribe()
                                        .with(
                                                released -> {
                                                    states.set(index, released.orElseThrow());
                                                    next();
                                                },
                                                failure -> finished.countDown());
                            },
                            failure -> finished.countDown());
        }
    }

    private static String section(
            Histogram query,
            double queryInRedis,
            Reservations reservations,
            Reservations asynchronous,
            double casInRedis,
            List<RedisBenchmarkFloor.Figures> floor,
            EmbeddedRedisServer server) {
        double reservationsPerSecond = reservations.reserved() / reservations.seconds();
        StringBuilder md = new StringBuilder();
        md.append("## Presence: eligible-agents query and reservation primitive\n\n");
        md.append("`benchmarks/run.sh presence` — ")
                .append(BenchmarkReport.machine(server))
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
        md.append(String.format(
                Locale.ROOT,
                "| the same primitive, non-blocking: %d reservation chains in flight on the client's event loop, %.0f s | %,.0f reservations/s (+ as many releases); p50 %.3f ms, p99 %.3f ms | ≥ 20,000/s |%n",
                IN_FLIGHT,
                asynchronous.seconds(),
                asynchronous.reserved() / asynchronous.seconds(),
                millis(asynchronous.latency(), 50),
                millis(asynchronous.latency(), 99)));
        if (floor.isEmpty()) {
            md.append(
                    "\nNo `redis-benchmark` on this machine (Debian: `apt-get install redis-tools`): no floor measured.\n");
            return md.toString();
        }
        md.append(RedisBenchmarkFloor.table(floor));
        RedisBenchmarkFloor.Figures ping = floor.get(0);
        RedisBenchmarkFloor.Figures evalsha = floor.get(floor.size() - 1);
        md.append(String.format(
                Locale.ROOT,
                "%nRatios: eligible-query p99 = **%.1f×** a single client's PING p99; blocking reservations/s = "
                        + "**%.2f×** and non-blocking reservations/s = **%.2f×** the EVALSHA requests/s of a one-line "
                        + "script (each reservation also pays a release: twice as many script calls).%n",
                millis(query, 99) / ping.p99Millis(),
                reservationsPerSecond / evalsha.requestsPerSecond(),
                asynchronous.reserved() / asynchronous.seconds() / evalsha.requestsPerSecond()));
        return md.toString();
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }
}
