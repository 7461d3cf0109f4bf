package dev.alicia.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.alicia.infra.EmbeddedKafkaBroker;
import dev.alicia.infra.EmbeddedPostgresServer;
import dev.alicia.infra.EmbeddedRedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test application at a real Kafka broker, Redis and PostgreSQL. The servers start
 * once per test JVM (in parallel) and are shared by every test class, so an application restart between
 * classes does not restart them; a shutdown hook stops them and deletes their data.
 *
 * <p>Init arg {@code database}: the service's database name (default {@code app}).
 */
public final class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Servers servers = Servers.get();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", servers.kafka.bootstrapServers());
        config.put("quarkus.redis.hosts", servers.redis.uri());
        config.put("quarkus.datasource.jdbc.url", servers.postgres.createDatabase(database));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("quarkus.datasource.password", "");
        // The application trusts this JVM's test issuer; Api signs every test request's token with it.
        // (The key itself rather than its file: in test mode the JWT extension would otherwise make up a key pair
        // of its own, and its key would win over a location.)
        config.put(
                "mp.jwt.verify.publickey",
                java.util.Base64.getEncoder()
                        .encodeToString(Api.tokens().publicKey().getEncoded()));
        return config;
    }

    @Override
    public void stop() {
        // Shared with the next test class of this JVM; the shutdown hook stops the servers.
    }

    /** The running broker's address, for test clients. */
    public static String kafkaBootstrapServers() {
        return Servers.get().kafka.bootstrapServers();
    }

    private static final class Servers {
        private static Servers instance;

        final EmbeddedKafkaBroker kafka;
        final EmbeddedRedisServer redis;
        final EmbeddedPostgresServer postgres;

        private Servers(EmbeddedKafkaBroker kafka, EmbeddedRedisServer redis, EmbeddedPostgresServer postgres) {
            this.kafka = kafka;
            this.redis = redis;
            this.postgres = postgres;
        }

        static synchronized Servers get() {
            if (instance == null) {
                CompletableFuture<EmbeddedRedisServer> redis =
                        CompletableFuture.supplyAsync(EmbeddedRedisServer::startTemporary);
                CompletableFuture<EmbeddedPostgresServer> postgres =
                        CompletableFuture.supplyAsync(EmbeddedPostgresServer::startTemporary);
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startTemporary(4);
                instance = new Servers(kafka, redis.join(), postgres.join());
                Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "stop-test-infrastructure"));
            }
            return instance;
        }

        void close() {
            kafka.close();
            redis.close();
            postgres.close();
        }
    }
}
