package dev.alicia.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.infra.local.LocalSystem;
import dev.alicia.infra.tokens.DevTokens;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole system under an open-loop load: Kafka, Redis, PostgreSQL and the three services started as the run
 * command starts them, chat agents logged in over REST, contacts published on {@code contacts.inbound} at a fixed
 * rate whatever the system does (so a slow system cannot hide its latency). Agent desktops accept each offer over
 * REST and end the chat at once. Measured: publish → offer consumed (the router's decision) and publish →
 * assignment consumed (with the desktop's accept), next to a bare Kafka produce → consume round trip at the
 * same rate in the same run.
 */
@SuppressWarnings("checkstyle:regexp")
public final class EndToEndBenchmark {

    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "bench";
    private static final int AGENTS = Integer.getInteger("agents", 2_000);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("seconds", 10));
    /** Fresh JVMs spend their first minute compiling (on 2 cores, the JIT takes a core from the services). */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("warmup", 90));

    private static final int WARM_UP_RATE = Integer.getInteger("warmupRate", 80);
    /** -DautoAnswer=true: every queue auto-answers, so a contact is assigned without the desktop's accept. */
    private static final boolean AUTO_ANSWER = Boolean.getBoolean("autoAnswer");

    private static final List<Integer> RATES = java.util.Arrays.stream(
                    System.getProperty("rates", "250,500,1000").split(","))
            .map(Integer::valueOf)
            .toList();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String presence = LocalSystem.url("agent-presence-service");
    private final String router = LocalSystem.url("router-service");
    private final Map<String, String> agentTokens = new ConcurrentHashMap<>();
    private DevTokens tokens;

    private EndToEndBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        Path data = Files.createTempDirectory("alicia-e2e-");
        OUT.println("data and service logs in " + data);
        try (LocalSystem system = LocalSystem.start(
                Path.of("").toAbsolutePath(),
                data,
                AUTO_ANSWER
                        ? Map.of("ALICIA_PRESENCE_WRAP_UP", "PT0.1S", "ALICIA_ROUTER_DEFAULTS_AUTO_ANSWER", "true")
                        : Map.of("ALICIA_PRESENCE_WRAP_UP", "PT0.1S"))) {
            new EndToEndBenchmark().run(system, report);
        }
    }

    private void run(LocalSystem system, Path report) throws Exception {
        tokens = system.tokens();
        OUT.println("logging in " + AGENTS + " chat agents ...");
        logIn();
        OUT.println("warming up: contacts at " + WARM_UP_RATE + "/s for " + WARM_UP.toSeconds() + " s ...");
        Load warm = contacts(system.kafkaBootstrapServers(), WARM_UP_RATE, WARM_UP);
        OUT.println("warm-up: " + warm.assigned() + " assigned of " + warm.sent() + ", publish → offer "
                + figures(warm.offer()) + System.lineSeparator() + cpuRow(WARM_UP_RATE, warm));
        StringBuilder rows = new StringBuilder();
        StringBuilder cpu = new StringBuilder();
        for (int rate : RATES) {
            OUT.println("bare Kafka round trip at " + rate + "/s ...");
            Histogram kafka = kafkaRoundTrip(system.kafkaBootstrapServers(), rate);
            OUT.println("contacts at " + rate + "/s for " + RUN.toSeconds() + " s ...");
            Load load = contacts(system.kafkaBootstrapServers(), rate, RUN);
            rows.append(row(rate, load, kafka));
            cpu.append(cpuRow(rate, load));
            OUT.println(rows);
            OUT.println(cpu);
        }
        Map<String, Long> rss = system.residentKilobytes();
        // Where the router spent its time per routing step over the whole run.
        http.send(
                        HttpRequest.newBuilder(URI.create(router + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .lines()
                .filter(line -> line.startsWith("alicia_router_step_seconds_"))
                .forEach(OUT::println);
        String section = String.format(
                Locale.ROOT,
                """
                ## End to end: contact published → offer and assignment consumed

                `benchmarks/run.sh e2e` — %s, %d cores, everything on this machine: Kafka, Redis and PostgreSQL \
                embedded in the driver's JVM, the three services as the run command starts them (heap ≤ 256 MB \
                each), the driver. %d chat agents logged in (3 chats each, wrap-up 0.1 s); open-loop arrivals at \
                the rate shown for %d s, after a warm-up of %d s at %d/s (not counted); %s. The \
                floor is a bare Kafka produce → consume round trip at the same rate, measured just before.

                | rate | offers (sent) | publish → offer | publish → assigned | bare Kafka round trip | decision p99 ÷ Kafka p99 |
                |---|---|---|---|---|---|
                %s
                Where the two cores went: CPU time of each part from the first contact sent to the last assignment seen (or the 30 s tail), per contact assigned, and its share of the machine over that time.

                | rate | %s |
                |---|%s
                %s
                Resident memory after the runs: %s.
                """,
                java.time.LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                AGENTS,
                RUN.toSeconds(),
                WARM_UP.toSeconds(),
                WARM_UP_RATE,
                AUTO_ANSWER
                        ? "every queue auto-answers (assigned without an offer; no offer column), desktops end each"
                                + " chat at once"
                        : "desktops accept each offer over REST and end the chat at once",
                rows,
                String.join(" | ", CpuMeter.snapshot().keySet()),
                "---|".repeat(CpuMeter.snapshot().size()),
                cpu,
                rss.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue() / 1024 + " MB")
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("n/a"));
        OUT.println(section);
        BenchmarkReport.write(report, "e2e", section);
    }

    private void logIn() throws Exception {
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int a = 0; a < AGENTS; a++) {
            String agentId = "agent-" + a;
            String body = """
                    {"agentId": "%s", "displayName": "Agent %d", "team": "cards",
                     "languages": [{"code": "fr", "fluency": 5}], "skills": [{"name": "cards", "proficiency": %d}],
                     "channels": ["CHAT"], "strengths": {"empathy": %.2f}}
                    """.formatted(agentId, a, 1 + a % 5, (a % 100) / 100.0);
            inFlight.acquire();
            calls.add(send(tokens.backOffice(TENANT), "POST", presence + "/agents", body)
                    .thenCompose(created -> send(
                            tokens.backOffice(TENANT),
                            "PUT",
                            presence + "/agents/" + agentId + "/presence",
                            "{\"status\": \"AVAILABLE\"}"))
                    .whenComplete((r, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }

    /** An agent's token, minted once per agent: signing is the costly part and the load driver must not slow. */
    private String agentToken(String agentId) {
        return agentTokens.computeIfAbsent(agentId, id -> tokens.agent(TENANT, id));
    }

    private CompletableFuture<HttpResponse<String>> send(String token, String method, String url, String body) {
        return http.sendAsync(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    if (response.statusCode() >= 300) {
                        throw new IllegalStateException(
                                method + " " + url + ": " + response.statusCode() + " " + response.body());
                    }
                    return response;
                });
    }

    private record Load(
            long sent,
            long offered,
            long assigned,
            long errors,
            Histogram offer,
            Histogram assign,
            Map<String, Long> cpuMillis,
            long wallMillis) {}

    private Load contacts(String bootstrap, int rate, Duration duration) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram offer = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        Histogram assign = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        AtomicLong offered = new AtomicLong();
        AtomicLong assigned = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread desktops = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap, "routing.events")) {
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        Long at = sentAt.get(record.key());
                        if (at == null) {
                            continue;
                        }
                        JsonNode event = read(record.value());
                        String contact = event.path("contactId").asText();
                        String agent = event.path("agentId").asText();
                        long latency = System.nanoTime() - at;
                        switch (event.path("type").asText()) {
                            case "CONTACT_OFFERED" -> {
                                synchronized (offer) {
                                    offer.recordValue(latency);
                                }
                                offered.incrementAndGet();
                                send(
                                                agentToken(agent),
                                                "POST",
                                                router + "/contacts/" + contact + "/accept",
                                                agentJson(agent))
                                        .exceptionally(e -> {
                                            errors.incrementAndGet();
                                            return null;
                                        });
                            }
                            case "CONTACT_ASSIGNED" -> {
                                synchronized (assign) {
                                    assign.recordValue(latency);
                                }
                                assigned.incrementAndGet();
                                send(
                                                agentToken(agent),
                                                "POST",
                                                router + "/contacts/" + contact + "/end",
                                                agentJson(agent))
                                        .exceptionally(e -> {
                                            errors.incrementAndGet();
                                            return null;
                                        });
                            }
                            default -> {
                                // queued, released, ended
                            }
                        }
                    }
                }
            }
        });
        desktops.start();
        Thread.sleep(3_000);
        Map<String, Long> cpuBefore = CpuMeter.snapshot();
        long wallStart = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            for (long next = start; next < end; next += interval) {
                LockSupport.parkNanos(next - System.nanoTime());
                String contact = "c-" + run + "-" + sent;
                String key = TENANT + ":" + contact;
                String value = """
                        {"contactId": "%s", "tenantId": "%s", "customerId": "cust-%d", "channel": "CHAT",
                         "language": "fr", "intent": "cards", "arrivedAt": "%s"}
                        """.formatted(contact, TENANT, sent % 5_000, Instant.now());
                // Latency counts from the intended send time: a late driver does not flatter the system.
                sentAt.put(key, next);
                producer.send(new ProducerRecord<>("contacts.inbound", key, value));
                sent++;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (assigned.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, Long> cpu = CpuMeter.between(cpuBefore, CpuMeter.snapshot());
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallStart);
        reading.set(false);
        desktops.join();
        return new Load(sent, offered.get(), assigned.get(), errors.get(), offer, assign, cpu, wall);
    }

    private static String agentJson(String agentId) {
        return "{\"agentId\": \"" + agentId + "\"}";
    }

    private Histogram kafkaRoundTrip(String bootstrap, int rate) throws Exception {
        String topic = "bench.roundtrip";
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong received = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap, topic)) {
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        Long at = sentAt.remove(record.key());
                        if (at != null) {
                            histogram.recordValue(System.nanoTime() - at);
                            received.incrementAndGet();
                        }
                    }
                }
            }
        });
        reader.start();
        Thread.sleep(3_000);
        long sent = 0;
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(10).toNanos();
            for (long next = start; next < end; next += interval) {
                LockSupport.parkNanos(next - System.nanoTime());
                String key = "rt-" + sent++;
                sentAt.put(key, next);
                producer.send(new ProducerRecord<>(topic, key, "{\"n\": " + sent + "}"));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        reading.set(false);
        reader.join();
        return histogram;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("acks", "all");
        config.put("linger.ms", "1");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("group.id", "bench-" + UUID.randomUUID());
        config.put("auto.offset.reset", "latest");
        config.put("fetch.max.wait.ms", "5");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String row(int rate, Load load, Histogram kafka) {
        return String.format(
                Locale.ROOT,
                "| %,d/s | %,d (%,d), %,d assigned, %d errors | %s | %s | %s | **%.1f×** |%n",
                rate,
                load.offered(),
                load.sent(),
                load.assigned(),
                load.errors(),
                figures(load.offer()),
                figures(load.assign()),
                figures(kafka),
                (load.offered() > 0 ? load.offer() : load.assign()).getValueAtPercentile(99)
                        / (double) kafka.getValueAtPercentile(99));
    }

    private static String cpuRow(int rate, Load load) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %,d/s |", rate));
        long contacts = Math.max(1, load.assigned());
        int cores = Runtime.getRuntime().availableProcessors();
        load.cpuMillis()
                .forEach((part, millis) -> row.append(String.format(
                        Locale.ROOT,
                        " %.2f ms (%.0f%%) |",
                        millis / (double) contacts,
                        100.0 * millis / Math.max(1, load.wallMillis() * cores))));
        return row.append(System.lineSeparator()).toString();
    }

    private static String figures(Histogram histogram) {
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(95) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6,
                histogram.getMaxValue() / 1e6);
    }
}
