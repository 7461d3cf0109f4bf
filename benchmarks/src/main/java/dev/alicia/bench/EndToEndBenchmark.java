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
 * same rate in the same run; then saturation (a burst published at once: contacts assigned per second until the
 * last one is), first with one router, then with a second instance on the same Kafka, Redis and database. Every
 * phase checks that no contact went to two agents and no agent held more chats than their capacity, and samples
 * the resident memory of every service.
 */
@SuppressWarnings("checkstyle:regexp")
public final class EndToEndBenchmark {

    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "bench";
    private static final int AGENTS = Integer.getInteger("agents", 20_000);
    /** Every agent's chat capacity (the presence service's default profile). */
    private static final int CHATS_EACH = 3;
    /** -Drouters=1,2: the series with one router, then again after starting a second instance. */
    private static final List<Integer> ROUTERS = java.util.Arrays.stream(
                    System.getProperty("routers", "1,2").split(","))
            .map(Integer::valueOf)
            .toList();
    /** Contacts published at once to find how many per second the system assigns at saturation; 0 skips it. */
    private static final int BURST = Integer.getInteger("burst", 6_000);
    /** -DrouterCpus=0.4: each router instance held to that many cores by a cgroup quota (see {@link CpuLimit}). */
    private static final double ROUTER_CPUS = Double.parseDouble(System.getProperty("routerCpus", "0"));
    /** How long a phase waits for its last contacts to be assigned (a backlog must clear before the next). */
    private static final Duration TAIL = Duration.ofSeconds(Long.getLong("tail", 90));

    private static final Duration RUN = Duration.ofSeconds(Long.getLong("seconds", 10));
    /** Fresh JVMs spend their first minute compiling (on 2 cores, the JIT takes a core from the services). */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("warmup", 90));

    private static final int WARM_UP_RATE = Integer.getInteger("warmupRate", 80);
    /** -DautoAnswer=true: every queue auto-answers, so a contact is assigned without the desktop's accept. */
    private static final boolean AUTO_ANSWER = Boolean.getBoolean("autoAnswer");

    private static final List<Integer> RATES = java.util.Arrays.stream(
                    System.getProperty("rates", "250,500,1000").split(","))
            .filter(rate -> !rate.isBlank())
            .map(Integer::valueOf)
            .toList();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String presence = LocalSystem.url("agent-presence-service");
    /** The router instances the desktops call, each agent always the same one. */
    private final List<String> routers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The highest resident memory seen of each instance, sampled every second while load runs (kB). */
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();

    private final Map<String, String> agentTokens = new ConcurrentHashMap<>();
    private DevTokens tokens;
    private String redisUri;

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
        redisUri = system.redisUri();
        routers.add(LocalSystem.url("router-service"));
        List<String> instances = new ArrayList<>(List.of("router-service"));
        Thread sampler = sampleMemory(system);
        OUT.println("logging in " + AGENTS + " chat agents ...");
        logIn();
        StringBuilder rows = new StringBuilder();
        StringBuilder cpu = new StringBuilder();
        StringBuilder saturation = new StringBuilder();
        double firstThroughput = Double.NaN;
        int violations = 0;
        for (int count : ROUTERS) {
            while (routers.size() < count) {
                int port = 8090 + routers.size();
                OUT.println("starting router instance " + (routers.size() + 1) + " on port " + port + " ...");
                String instance = system.startRouter(port);
                instances.add(instance);
                routers.add(system.instanceUrl(instance));
            }
            String label = count + (count == 1 ? " router" : " routers");
            OUT.println(
                    label + ": warming up, contacts at " + WARM_UP_RATE + "/s for " + WARM_UP.toSeconds() + " s ...");
            Load warm = contacts(system.kafkaBootstrapServers(), WARM_UP_RATE, WARM_UP);
            OUT.println("warm-up: " + warm.assigned() + " assigned of " + warm.sent() + ", publish → offer "
                    + figures(warm.offer()) + System.lineSeparator() + cpuRow(label, WARM_UP_RATE + "/s", warm));
            violations += warm.violations();
            // Capped only once warm: a JVM held to a fraction of a core spends it compiling for minutes.
            for (String instance : instances) {
                capRouter(system, instance);
            }
            for (int rate : RATES) {
                OUT.println("bare Kafka round trip at " + rate + "/s ...");
                Histogram kafka = kafkaRoundTrip(system.kafkaBootstrapServers(), rate);
                OUT.println(label + ": contacts at " + rate + "/s for " + RUN.toSeconds() + " s ...");
                Load load = contacts(system.kafkaBootstrapServers(), rate, RUN);
                violations += load.violations();
                rows.append(row(label, rate, load, kafka));
                cpu.append(cpuRow(label, rate + "/s", load));
                OUT.println(rows);
                OUT.println(cpu);
            }
            if (BURST > 0) {
                OUT.println(label + ": saturation, " + BURST + " contacts published at once ...");
                Load burst = burst(system.kafkaBootstrapServers(), BURST);
                violations += burst.violations();
                if (Double.isNaN(firstThroughput)) {
                    firstThroughput = burst.throughput();
                }
                saturation.append(saturationRow(label, burst, firstThroughput));
                cpu.append(cpuRow(label, "saturation", burst));
                OUT.println(saturation);
            }
            // Where the routers spent their time per routing step so far, and how their reservations fared.
            for (String router : routers) {
                http.send(
                                HttpRequest.newBuilder(URI.create(router + "/q/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body()
                        .lines()
                        .filter(line -> line.startsWith("alicia_router_step_seconds_")
                                || line.startsWith("alicia_router_offer_attempts_total"))
                        .forEach(line -> OUT.println(router + " " + line));
            }
        }
        sampler.interrupt();
        if (violations > 0) {
            throw new IllegalStateException(violations + " contacts assigned twice or agents over capacity: see above");
        }
        String section = String.format(
                Locale.ROOT,
                """
                ## %s

                `benchmarks/run.sh e2e`%s — %s, %d cores, everything on this machine: Kafka, Redis and PostgreSQL \
                embedded in the driver's JVM, the three services as the run command starts them (heap ≤ 256 MB \
                each), the driver; %s. %d chat agents logged in (3 chats each, wrap-up 0.1 s); open-loop arrivals at \
                the rate shown for %d s, after a warm-up of %d s at %d/s (not counted; again once a second router is up); %s. The \
                floor is a bare Kafka produce → consume round trip at the same rate, measured just before.

                | routers | rate | offers (sent) | publish → offer | publish → assigned | bare Kafka round trip | decision p99 ÷ Kafka p99 |
                |---|---|---|---|---|---|---|
                %s
                Saturation: %,d contacts published at once (as fast as the producer sends), after the rates above; \
                throughput is contacts assigned per second from the first sent to the last assigned.

                | routers | assigned (sent) | throughput | publish → assigned | ratio to one router |
                |---|---|---|---|---|
                %s
                Where the two cores went: CPU time of each part from the first contact sent to the last assignment seen (or the %d s tail), per contact assigned, and its share of the machine over that time (the routers' together).

                | routers | phase | %s |
                |---|---|%s
                %s
                No contact was assigned to two agents and no agent held more than %d chats at once in any phase \
                (checked from the decisions' times; the run fails otherwise). Highest resident memory of each \
                service instance, sampled every second while load ran (heap ≤ 256 MB each): %s.
                """,
                ROUTER_CPUS > 0
                        ? "Scale-out: router instances held to the same CPU share, one then two"
                        : "End to end: contact published → offer and assignment consumed",
                ROUTER_CPUS > 0
                        ? " with `BENCH_JAVA_OPTS=\"-DrouterCpus=" + CpuLimit.describe(ROUTER_CPUS) + " -Drates="
                                + String.join(
                                        ",", RATES.stream().map(String::valueOf).toList()) + " -Dburst=" + BURST
                                + "\"`"
                        : "",
                java.time.LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                ROUTER_CPUS > 0
                        ? "each router instance held to " + CpuLimit.describe(ROUTER_CPUS)
                                + " cores by a cgroup CPU quota (as a Kubernetes CPU limit would) from the end of its"
                                + " warm-up (which runs uncapped: a JVM held to a fraction of a core compiles for"
                                + " minutes), so that a second instance has CPU of its own to show what it adds"
                        : "no instance is held to a CPU share (a second router competes for the same two cores)",
                AGENTS,
                RUN.toSeconds(),
                WARM_UP.toSeconds(),
                WARM_UP_RATE,
                AUTO_ANSWER
                        ? "every queue auto-answers (assigned without an offer; no offer column), desktops end each"
                                + " chat at once"
                        : "desktops accept each offer over REST and end the chat at once",
                rows,
                BURST,
                saturation,
                TAIL.toSeconds(),
                String.join(" | ", CpuMeter.snapshot().keySet()),
                "---|".repeat(CpuMeter.snapshot().size()),
                cpu,
                CHATS_EACH,
                new java.util.TreeMap<>(peakRss)
                        .entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue() / 1024 + " MB")
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("n/a"));
        if (rows.isEmpty()) {
            // Saturation only (a scale-out run): no open-loop table.
            section = section.replaceAll("(?m)^\\| routers \\| rate \\|.*\\R^\\|---.*\\R\\R?", "");
        }
        OUT.println(section);
        BenchmarkReport.write(report, ROUTER_CPUS > 0 ? "e2e-scale-out" : "e2e", section);
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
            long wallMillis,
            long firstSentNanos,
            long lastAssignedNanos,
            int doubleAssigned,
            int overCapacity) {

        int violations() {
            return doubleAssigned + overCapacity;
        }

        /** Contacts assigned per second, from the first sent to the last assigned. */
        double throughput() {
            long span = lastAssignedNanos - firstSentNanos;
            return span <= 0 ? 0 : assigned * 1e9 / span;
        }
    }

    /** Open-loop arrivals: {@code rate} contacts per second for {@code duration}, whatever the system does. */
    private Load contacts(String bootstrap, int rate, Duration duration) throws Exception {
        return phase(bootstrap, rate * duration.toSeconds(), TimeUnit.SECONDS.toNanos(1) / rate);
    }

    /** Saturation: {@code count} contacts published as fast as the producer sends them. */
    private Load burst(String bootstrap, int count) throws Exception {
        return phase(bootstrap, count, 0);
    }

    private Load phase(String bootstrap, long count, long interval) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram offer = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        Histogram assign = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        AtomicLong offered = new AtomicLong();
        AtomicLong assigned = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAssigned = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        Map<String, java.util.Set<String>> assignedTo = new HashMap<>();
        Map<String, List<long[]>> held = new HashMap<>();
        Map<String, Long> heldSince = new HashMap<>();
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
                        long now = System.nanoTime();
                        long latency = now - at;
                        long occurred =
                                Instant.parse(event.path("occurredAt").asText()).toEpochMilli();
                        switch (event.path("type").asText()) {
                            case "CONTACT_OFFERED" -> {
                                synchronized (offer) {
                                    offer.recordValue(latency);
                                }
                                offered.incrementAndGet();
                                send(
                                                agentToken(agent),
                                                "POST",
                                                routerOf(agent) + "/contacts/" + contact + "/accept",
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
                                lastAssigned.accumulateAndGet(now, Math::max);
                                assignedTo
                                        .computeIfAbsent(contact, c -> new java.util.HashSet<>())
                                        .add(agent);
                                heldSince.put(agent + "|" + contact, occurred);
                                send(
                                                agentToken(agent),
                                                "POST",
                                                routerOf(agent) + "/contacts/" + contact + "/end",
                                                agentJson(agent))
                                        .exceptionally(e -> {
                                            errors.incrementAndGet();
                                            return null;
                                        });
                            }
                            case "CONTACT_ENDED" -> {
                                Long since = heldSince.remove(agent + "|" + contact);
                                if (since != null) {
                                    held.computeIfAbsent(agent, k -> new ArrayList<>())
                                            .add(new long[] {since, occurred});
                                }
                            }
                            default -> {
                                // queued, released
                            }
                        }
                    }
                }
            }
        });
        desktops.start();
        Thread.sleep(3_000);
        Map<String, Long> cpuBefore = CpuMeter.snapshot();
        Map<String, RedisCommandStats.Stat> redisBefore = RedisCommandStats.snapshot(redisUri);
        long wallStart = System.nanoTime();
        long sent = 0;
        long start;
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            start = System.nanoTime();
            for (long next = start; sent < count; next += interval) {
                if (interval > 0) {
                    LockSupport.parkNanos(next - System.nanoTime());
                } else {
                    next = System.nanoTime();
                }
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
        long deadline = System.nanoTime() + TAIL.toNanos();
        while (assigned.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, Long> cpu = CpuMeter.between(cpuBefore, CpuMeter.snapshot());
        OUT.println("Redis per contact assigned: "
                + RedisCommandStats.perContact(
                        redisBefore, RedisCommandStats.snapshot(redisUri), Math.max(1, assigned.get())));
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallStart);
        // The last ends are on their way: let them be read before the spans are closed.
        Thread.sleep(2_000);
        reading.set(false);
        desktops.join();
        heldSince.forEach(
                (key, since) -> held.computeIfAbsent(key.substring(0, key.indexOf('|')), k -> new ArrayList<>())
                        .add(new long[] {since, Long.MAX_VALUE}));
        int doubleAssigned = (int)
                assignedTo.values().stream().filter(agents -> agents.size() > 1).count();
        int overCapacity = (int) held.values().stream()
                .filter(spans -> mostAtOnce(spans) > CHATS_EACH)
                .count();
        if (doubleAssigned + overCapacity > 0) {
            OUT.println("!! " + doubleAssigned + " contacts assigned twice, " + overCapacity + " agents over capacity");
        }
        return new Load(
                sent,
                offered.get(),
                assigned.get(),
                errors.get(),
                offer,
                assign,
                cpu,
                wall,
                start,
                lastAssigned.get(),
                doubleAssigned,
                overCapacity);
    }

    /** The most contacts an agent held at once, from their assigned → ended spans (an end frees before a start). */
    private static int mostAtOnce(List<long[]> spans) {
        List<long[]> edges = new ArrayList<>(spans.size() * 2);
        for (long[] span : spans) {
            edges.add(new long[] {span[0], 1});
            edges.add(new long[] {span[1], -1});
        }
        edges.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        int now = 0;
        int most = 0;
        for (long[] edge : edges) {
            now += (int) edge[1];
            most = Math.max(most, now);
        }
        return most;
    }

    private static void capRouter(LocalSystem system, String instance) throws java.io.IOException {
        if (ROUTER_CPUS > 0) {
            CpuLimit.apply(instance, system.pid(instance), ROUTER_CPUS);
            OUT.println(instance + " held to " + CpuLimit.describe(ROUTER_CPUS) + " cores");
        }
    }

    /** Each agent's desktop talks to one router instance (as a load balancer with affinity would send it). */
    private String routerOf(String agentId) {
        return routers.get(Math.floorMod(agentId.hashCode(), routers.size()));
    }

    /** Samples every instance's resident memory each second, keeping the highest. */
    private Thread sampleMemory(LocalSystem system) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                system.residentKilobytes().forEach((instance, kb) -> peakRss.merge(instance, kb, Math::max));
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
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

    private static String row(String routers, int rate, Load load, Histogram kafka) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d/s | %,d (%,d), %,d assigned, %d errors | %s | %s | %s | **%.1f×** |%n",
                routers,
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

    /** A saturation row, with its throughput as a ratio to the first saturation phase's ({@code first}). */
    private static String saturationRow(String routers, Load load, double first) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d (%,d), %d errors | %.0f/s | %s | %s |%n",
                routers,
                load.assigned(),
                load.sent(),
                load.errors(),
                load.throughput(),
                figures(load.assign()),
                first > 0 ? String.format(Locale.ROOT, "**%.2f×**", load.throughput() / first) : "n/a");
    }

    private static String cpuRow(String routers, String phase, Load load) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s |", routers, phase));
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
