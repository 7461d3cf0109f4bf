package dev.alicia.infra.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.alicia.infra.EmbeddedKafkaBroker;
import dev.alicia.infra.EmbeddedPostgresServer;
import dev.alicia.infra.EmbeddedRedisServer;
import dev.alicia.infra.tokens.DevTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The whole system on one machine with nothing but a JDK: a Kafka broker (in this JVM), Redis and
 * PostgreSQL (child processes), the topics of {@code docs/asyncapi.yaml}, and the three services, each in
 * its own JVM. Data lives under {@code .local/} (git-ignored) and survives restarts. Ctrl-C stops it all.
 *
 * <p>Usage: {@code LocalSystem [--smoke]}; {@code --smoke} stops again once everything is healthy.
 *
 * <p>Fault tests use it too: more router instances ({@link #startRouter}), a service killed as by a crash
 * ({@link #kill}) and started again ({@link #restart}), the Kafka broker and Redis stopped and started again on the
 * same port and data ({@link #stopKafka}, {@link #startKafka}, {@link #stopRedis}, {@link #startRedis}).
 */
@SuppressWarnings("checkstyle:regexp")
public final class LocalSystem implements AutoCloseable {

    private static final PrintStream CONSOLE = System.out;
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(3);

    /** A service, and its heap as deploy/ sets it. */
    private record Service(String name, int port, String database, int heapMegabytes) {}

    /** One process of a service: {@code router-service}, or {@code router-service@8083} for another router. */
    private record Instance(String name, Service service, int port) {}

    private static final List<Service> SERVICES = List.of(
            // The router's live set is ~100 MB with 20,000 agents; 200 MB of heap keeps its RSS under 512 MB.
            new Service("router-service", 8080, "router", 200),
            new Service("agent-presence-service", 8081, "presence", 256),
            new Service("context-service", 8082, "context", 256));

    private final Path root;
    private final Path data;
    private final Map<String, String> settings;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private EmbeddedKafkaBroker kafka;
    private EmbeddedRedisServer redis;
    private EmbeddedPostgresServer postgres;
    private DevTokens tokens;

    private LocalSystem(Path root, Path data, Map<String, String> settings) {
        this.root = root;
        this.data = data;
        this.settings = Map.copyOf(settings);
    }

    /**
     * Starts the whole system as the run command does, with its data in {@code data} and {@code settings} added
     * to every service's environment (e.g. {@code ALICIA_PRESENCE_WRAP_UP}): for load drivers and benchmarks.
     */
    public static LocalSystem start(Path root, Path data, Map<String, String> settings) throws IOException {
        LocalSystem system = new LocalSystem(root, data, settings);
        try {
            system.start();
        } catch (IOException | RuntimeException e) {
            system.stop();
            throw e;
        }
        return system;
    }

    /** The development token issuer the services trust: its key pair is kept under the data directory. */
    public DevTokens tokens() {
        return tokens;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The base URL of a service: router-service, agent-presence-service or context-service. */
    public static String url(String service) {
        return SERVICES.stream()
                .filter(s -> s.name().equals(service))
                .findFirst()
                .map(s -> "http://127.0.0.1:" + s.port())
                .orElseThrow(() -> new IllegalArgumentException("no service " + service));
    }

    /** The base URL of one instance: a service's name, or the name {@link #startRouter} returned. */
    public synchronized String instanceUrl(String instance) {
        return "http://127.0.0.1:" + instance(instance).port();
    }

    /** Where Redis listens ({@code redis://host:port}), for drivers that read its statistics. */
    public synchronized String redisUri() {
        return redis.uri();
    }

    /** The process id of a running instance (a service's name, or the name {@link #startRouter} returned). */
    public synchronized long pid(String instance) {
        Process process = processes.get(instance(instance).name());
        if (process == null) {
            throw new IllegalStateException(instance + " is not running");
        }
        return process.pid();
    }

    /** The resident memory of each service's process (kB), from /proc, for load reports. */
    public synchronized Map<String, Long> residentKilobytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        processes.forEach((name, process) -> {
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        rss.put(name, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException e) {
                rss.put(name, -1L);
            }
        });
        return rss;
    }

    /**
     * Starts one more router-service instance on {@code port}, on the same Kafka, Redis and database as the first
     * (its consumers join the same groups), and waits until it is healthy; returns its instance name.
     */
    public synchronized String startRouter(int port) throws IOException {
        Instance instance = new Instance("router-service@" + port, SERVICES.get(0), port);
        if (instances.containsKey(instance.name())) {
            throw new IllegalStateException(instance.name() + " exists already");
        }
        instances.put(instance.name(), instance);
        restart(instance.name());
        return instance.name();
    }

    /**
     * Kills the instance as a crash would ({@code kill -9}): no shutdown hook runs, nothing is flushed, its Kafka
     * consumers do not leave their groups (the broker finds out when their session times out).
     */
    public synchronized void kill(String instance) {
        Process process = processes.remove(instance(instance).name());
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process);
        }
    }

    /** Stops the instance as an orchestrator would (SIGTERM: it leaves its consumer groups and flushes). */
    public synchronized void stop(String instance) {
        Process process = processes.remove(instance(instance).name());
        if (process != null) {
            process.destroy();
            awaitExit(process);
        }
    }

    /** Starts a stopped or killed instance again on its port and waits until it is healthy. */
    public synchronized void restart(String instance) throws IOException {
        Instance known = instance(instance);
        if (processes.containsKey(known.name())) {
            throw new IllegalStateException(known.name() + " is running");
        }
        processes.put(known.name(), launch(known));
        awaitHealthy(known);
    }

    /** Stops the Kafka broker cleanly (its log stays on disk); clients retry until it is back. */
    public synchronized void stopKafka() {
        kafka.close();
        kafka = null;
    }

    /** Starts the Kafka broker again on the same port with the same log. */
    public synchronized void startKafka() {
        kafka = startKafkaBroker();
    }

    /** Stops Redis as a restart does (SIGTERM: the append-only file is written out and synced first). */
    public synchronized void stopRedis() {
        redis.close();
        redis = null;
    }

    /** Starts Redis again on the same port; it reloads its append-only file. */
    public synchronized void startRedis() {
        redis = startRedisServer();
    }

    private Instance instance(String name) {
        Instance instance = instances.get(name);
        if (instance == null) {
            throw new IllegalArgumentException("no instance " + name + "; known: " + instances.keySet());
        }
        return instance;
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Path root = Path.of("").toAbsolutePath();
        LocalSystem system = new LocalSystem(root, root.resolve(".local"), Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.stop();
            stopped.countDown();
        }));
        try {
            system.start();
        } catch (RuntimeException | IOException e) {
            CONSOLE.println("Could not start: " + e.getMessage());
            System.exit(1);
        }
        if (smoke) {
            System.exit(0);
        }
        CONSOLE.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }

    private void start() throws IOException {
        Files.createDirectories(data.resolve("logs"));
        System.setProperty(
                "org.slf4j.simpleLogger.logFile",
                data.resolve("logs/infrastructure.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");

        tokens = DevTokens.inDirectory(data.resolve("keys"));
        step("Starting Redis, PostgreSQL and Kafka (data in " + data + "/)");
        CompletableFuture<EmbeddedRedisServer> redisStart = CompletableFuture.supplyAsync(this::startRedisServer);
        CompletableFuture<EmbeddedPostgresServer> postgresStart = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgresServer.startPersistent(data.resolve("postgres"), port("POSTGRES_PORT", 15432)));
        kafka = startKafkaBroker();
        redis = redisStart.join();
        postgres = postgresStart.join();
        createTopics();

        step("Starting the services (logs in " + data.resolve("logs") + "/)");
        for (Service service : SERVICES) {
            Instance instance = new Instance(service.name(), service, service.port());
            instances.put(instance.name(), instance);
            processes.put(instance.name(), launch(instance));
        }
        for (Instance instance : List.copyOf(instances.values())) {
            awaitHealthy(instance);
        }
        printUrls();
    }

    /**
     * Redis with an append-only file synced every second: the mode documented for production (see
     * {@code docs/reliability.md}); a restart reloads it.
     */
    private EmbeddedRedisServer startRedisServer() {
        int port = port("REDIS_PORT", 16379);
        requireFree(port, "Redis");
        return EmbeddedRedisServer.startPersistent(data.resolve("redis"), port);
    }

    private EmbeddedKafkaBroker startKafkaBroker() {
        int port = port("KAFKA_PORT", 19092);
        requireFree(port, "Kafka");
        return EmbeddedKafkaBroker.startPersistent(data.resolve("kafka"), port, 4);
    }

    /**
     * Refuses a port something else listens on. A process left over from an earlier run (a killed benchmark's
     * redis-server) would otherwise answer in place of the one started here: the services would use it, and
     * stopping "our" Redis would stop nothing.
     */
    static void requireFree(int port, String what) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException taken) {
            throw new IllegalStateException(
                    what + "'s port " + port + " is taken by another process (one left over"
                            + " from an earlier run?); stop it, or choose another port",
                    taken);
        }
    }

    /** Creates every topic the contract names, so partition counts are as documented, not broker defaults. */
    private void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : contractTopics()) {
            topics.add(new NewTopic(name, 4, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create a topic", e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("could not create topics", e);
                }
            }
        }
    }

    private List<String> contractTopics() {
        try {
            JsonNode channels = new ObjectMapper(new YAMLFactory())
                    .readTree(root.resolve("docs/asyncapi.yaml").toFile())
                    .path("channels");
            List<String> names = new ArrayList<>();
            channels.forEach(channel -> names.add(channel.path("address").asText()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read docs/asyncapi.yaml", e);
        }
    }

    private Process launch(Instance instance) throws IOException {
        Service service = instance.service();
        requireFree(instance.port(), instance.name());
        Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (run-local.sh does)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(instance.port()));
        env.put("ALICIA_DB_URL", postgres.createDatabase(service.database()));
        env.put("ALICIA_DB_USER", EmbeddedPostgresServer.USER);
        env.put("ALICIA_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("ALICIA_REDIS_URI", redis.uri());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // As deploy/ sets it: fewer glibc malloc arenas, less resident memory beside the heap.
        env.put("MALLOC_ARENA_MAX", "2");
        // Trust the development issuer: tokens minted with the key pair under the data directory.
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        env.putAll(settings);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // As deploy/ sets it: G1 whatever the machine (the JVM picks Serial on a small one), and glibc's freed
        // memory (the JIT compilers' arenas above all) handed back every 5 s: 40 MB less resident under load.
        List<String> command = new ArrayList<>(List.of(
                java, "-Xmx" + service.heapMegabytes() + "m", "-XX:+UseG1GC", "-XX:TrimNativeHeapInterval=5000"));
        if (Boolean.getBoolean("alicia.local.profile")) {
            // -Dalicia.local.profile=true: a flight recording per service, next to its log.
            command.add("-XX:StartFlightRecording=filename="
                    + data.resolve("logs").resolve(logName(instance) + ".jfr") + ",settings=profile");
        }
        // -Dalicia.local.jvm-options="-XX:TieredStopAtLevel=1 ...": extra options for every service's JVM
        // (experiments).
        String extra = System.getProperty("alicia.local.jvm-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        // Appended to: a restarted instance's log follows what it wrote before it was killed.
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        data.resolve("logs").resolve(logName(instance) + ".log").toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String logName(Instance instance) {
        return instance.name().replace('@', '-');
    }

    private void awaitHealthy(Instance instance) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create("http://127.0.0.1:" + instance.port() + "/q/health");
        Instant deadline = Instant.now().plus(HEALTH_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    CONSOLE.printf("  %-24s UP%n", instance.name());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(instance.name() + " is not healthy after " + HEALTH_TIMEOUT + "; see "
                + data.resolve("logs").resolve(logName(instance) + ".log"));
    }

    private void printUrls() {
        CONSOLE.println();
        CONSOLE.println("Alicia is running:");
        for (Service service : SERVICES) {
            String base = "http://localhost:" + service.port();
            CONSOLE.printf("  %-24s %s%n", service.name(), base);
            CONSOLE.printf("  %-24s   API docs  %s/q/swagger-ui   OpenAPI %s/q/openapi%n", "", base, base);
            CONSOLE.printf("  %-24s   health    %s/q/health       metrics %s/q/metrics%n", "", base, base);
        }
        CONSOLE.printf("  %-24s %s%n", "Kafka", kafka.bootstrapServers());
        CONSOLE.printf("  %-24s %s%n", "Redis", redis.uri());
        CONSOLE.printf("  %-24s %s%n", "PostgreSQL", postgres.jdbcUrl("postgres"));
        CONSOLE.println();
        CONSOLE.println("Every API call needs a bearer token. Mint a development one (valid 12 h) with");
        CONSOLE.println("  ./run-local.sh --token <agent|supervisor|admin|platform> <tenant> [agent id]");
        CONSOLE.println("e.g.  TOKEN=$(./run-local.sh --token supervisor bank-a)");
        CONSOLE.println("      curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8080/queues");
        CONSOLE.println("Pages: http://localhost:8080/wallboard/ and http://localhost:8080/agent/ ask for one.");
    }

    private synchronized void stop() {
        if (processes.isEmpty() && kafka == null && redis == null && postgres == null) {
            return;
        }
        step("Stopping");
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (redis != null) {
            redis.close();
            redis = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        CONSOLE.println("Stopped.");
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    private static void step(String message) {
        CONSOLE.println("==> " + message);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
