package dev.alicia.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.alicia.context.client.model.Channel;
import dev.alicia.context.client.model.ConversationEventType;
import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.context.client.redis.StoryReader;
import dev.alicia.context.messaging.ConversationEvent;
import dev.alicia.context.service.ContextIngestion;
import dev.alicia.context.store.ContextStoreConfig;
import dev.alicia.context.store.CustomerContextStore;
import dev.alicia.infra.EmbeddedRedisServer;
import org.HdrHistogram.Histogram;

/**
 * The customer's story at contact-center pace: conversation events ingested per second through the real
 * ingestion path (emotion read from the text, appended once by the Lua script), and the handoff brief assembled
 * from a 20-event story, next to redis-benchmark's floor on the same server in the same run.
 */
@SuppressWarnings("checkstyle:regexp")
public final class ContextBenchmark {

    private static final PrintStream OUT = System.out;
    private static final String TENANT = "bench";
    private static final int CUSTOMERS = 10_000;
    /** Like consumer threads: each ingests polls of {@value #BATCH} events at a time. */
    private static final int WRITERS = Integer.getInteger("writers", 2);

    private static final int BATCH = 500;
    private static final Duration RUN = Duration.ofSeconds(10);
    private static final int STORY_LENGTH = 20;
    private static final int BRIEFS = 10_000;
    private static final List<String> MESSAGES = List.of(
            "On m'a volé ma carte bancaire ce matin, j'ai très peur qu'on vide mon compte",
            "C'est inadmissible, troisième appel et toujours rien !",
            "Someone stole my wallet and I'm really worried",
            "I'm not happy with how long this is taking",
            "Bonjour, je voudrais connaître le solde de mon compte s'il vous plaît");

    private ContextBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        try (EmbeddedRedisServer server = EmbeddedRedisServer.startTemporary();
                BenchRedis redis = new BenchRedis(server, 16)) {
            ObjectMapper mapper = new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL);
            StoryReader reader = new StoryReader(redis.blocking, mapper);
            CustomerContextStore store = new CustomerContextStore(
                    redis.blocking,
                    redis.reactive,
                    mapper,
                    new ContextStoreConfig() {
                        @Override
                        public Duration retention() {
                            return Duration.ofDays(30);
                        }

                        @Override
                        public Set<String> urgentIntents() {
                            return Set.of("stolen_card", "fraud");
                        }
                    },
                    reader);
            ContextIngestion ingestion = new ContextIngestion(store);

            OUT.println("ingesting with " + WRITERS + " writers for " + RUN.toSeconds() + " s ...");
            redis.blocking.execute("CONFIG", "RESETSTAT");
            double[] ingested = ingest(ingestion);
            double appendInRedis = redis.scriptMicros();

            OUT.println("assembling " + BRIEFS + " briefs of " + STORY_LENGTH + "-event stories ...");
            Histogram briefs = briefs(ingestion, reader);

            List<RedisBenchmarkFloor.Figures> floor = new ArrayList<>();
            Optional<Path> redisBenchmark = RedisBenchmarkFloor.binary();
            if (redisBenchmark.isPresent()) {
                floor.add(RedisBenchmarkFloor.run(
                        redisBenchmark.get(), server.port(), 1, 50_000, "PING, 1 client", "PING"));
                floor.add(RedisBenchmarkFloor.run(
                        redisBenchmark.get(),
                        server.port(),
                        WRITERS,
                        200_000,
                        "PING, " + WRITERS + " clients",
                        "PING"));
                floor.add(RedisBenchmarkFloor.run(
                        redisBenchmark.get(),
                        server.port(),
                        1,
                        50_000,
                        "LRANGE of a 20-event story, 1 client",
                        "LRANGE",
                        "context:{bench:brief-0}:journey",
                        "0",
                        "-1"));
            }
            String section = section(ingested, appendInRedis, briefs, floor, server);
            OUT.println(section);
            BenchmarkReport.write(report, "context", section);
        }
    }

    /** Returns events/s and seconds measured. */
    private static double[] ingest(ContextIngestion ingestion) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Long>> results = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(writer);
                long count = 0;
                long sequence = 0;
                while (running.get()) {
                    List<ConversationEvent> poll = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH; i++) {
                        String customer = "cust-" + random.nextInt(CUSTOMERS);
                        poll.add(event(
                                "w" + writer + "-" + sequence++,
                                customer,
                                "contact-" + customer,
                                MESSAGES.get(random.nextInt(MESSAGES.size()))));
                    }
                    ingestion.ingestAll(poll);
                    if (measuring.get()) {
                        count += poll.size();
                    }
                }
                return count;
            }));
        }
        Thread.sleep(2_000);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(RUN.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        long total = 0;
        for (Future<Long> result : results) {
            total += result.get();
        }
        pool.shutdown();
        return new double[] {total / seconds, seconds};
    }

    private static Histogram briefs(ContextIngestion ingestion, StoryReader reader) {
        int customers = 500;
        for (int c = 0; c < customers; c++) {
            for (int e = 0; e < STORY_LENGTH; e++) {
                ingestion.ingest(
                        event("b" + c + "-" + e, "brief-" + c, "call-" + c, MESSAGES.get(e % MESSAGES.size())));
            }
        }
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
        for (int i = 0; i < 2_000 + BRIEFS; i++) {
            int c = i % customers;
            long start = System.nanoTime();
            String customer = reader.customerOfContact(TENANT, "call-" + c).orElseThrow();
            HandoffBrief brief = reader.brief(TENANT, customer, "call-" + c, Instant.now());
            long elapsed = System.nanoTime() - start;
            if (brief.story().size() != STORY_LENGTH) {
                throw new IllegalStateException("incomplete story");
            }
            if (i >= 2_000) {
                histogram.recordValue(elapsed);
            }
        }
        return histogram;
    }

    private static ConversationEvent event(String id, String customer, String contact, String text) {
        return new ConversationEvent(
                id,
                TENANT,
                customer,
                null,
                contact,
                Channel.VOICEBOT,
                ConversationEventType.INTENT_DETECTED,
                Instant.now(),
                null,
                text,
                "stolen_card",
                0.9,
                Map.of("cardLast4", "4821"),
                null,
                null,
                null,
                null);
    }

    private static String section(
            double[] ingested,
            double appendInRedis,
            Histogram briefs,
            List<RedisBenchmarkFloor.Figures> floor,
            EmbeddedRedisServer server) {
        StringBuilder md = new StringBuilder();
        md.append("## Context: event ingestion and handoff brief\n\n");
        md.append("`benchmarks/run.sh context` — ")
                .append(BenchmarkReport.machine(server))
                .append("Ingestion goes through `ContextIngestion` (emotion and register read from the customer's ")
                .append("words, appended once by `append-event.lua`, contact index written) for ")
                .append(CUSTOMERS)
                .append(" customers; the brief reads a ")
                .append(STORY_LENGTH)
                .append(
                        "-event story, the hot profile and the contact index, and builds it with its empathy cues (`StoryReader`).\n\n");
        md.append("| measure | result | target |\n|---|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| conversation events ingested as the consumer does it (polls of " + BATCH
                        + ", appends pipelined, one customer's in order), %d consumer threads, %.0f s | %,.0f events/s; %.0f µs inside Redis per append | ≥ 10,000/s |%n",
                WRITERS,
                ingested[1],
                ingested[0],
                appendInRedis));
        md.append(String.format(
                Locale.ROOT,
                "| handoff brief of a %d-event story, 1 caller, %d briefs | p50 %.3f ms, p99 %.3f ms, max %.3f ms | p99 ≤ 2 ms |%n",
                STORY_LENGTH,
                BRIEFS,
                briefs.getValueAtPercentile(50) / 1e6,
                briefs.getValueAtPercentile(99) / 1e6,
                briefs.getMaxValue() / 1e6));
        if (floor.isEmpty()) {
            md.append(
                    "\nNo `redis-benchmark` on this machine (Debian: `apt-get install redis-tools`): no floor measured.\n");
            return md.toString();
        }
        md.append(RedisBenchmarkFloor.table(floor));
        md.append(String.format(
                Locale.ROOT,
                "%nRatios: events ingested/s = **%.2f×** the PING requests/s at the same concurrency; brief p99 = "
                        + "**%.1f×** the p99 of reading the same story with LRANGE from a C client.%n",
                ingested[0] / floor.get(1).requestsPerSecond(),
                briefs.getValueAtPercentile(99) / 1e6 / floor.get(2).p99Millis()));
        return md.toString();
    }
}
