package dev.alicia.kit.redis;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.alicia.infra.EmbeddedRedisServer;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services' Redis connection against a Redis that, as in production, has an ACL user per service limited to
 * its key namespace. The settings are read as in a pod: {@code ALICIA_REDIS_URI} (with the ACL user's name) and
 * {@code QUARKUS_REDIS_PASSWORD} from the environment, through the kit's {@code microprofile-config.properties};
 * the client is Vert.x's Redis client configured as Quarkus configures it ({@code quarkus.redis.hosts} as the
 * connection string, {@code quarkus.redis.password} as the password). The user is the URI's {@code ?user=}
 * parameter: Vert.x reads {@code redis://name@host} as a password, and {@code redis://name:@host} as an empty
 * password that would win over {@code quarkus.redis.password}.
 */
class AuthenticatedRedisTest {

    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String PRESENCE_PASSWORD = "presence-" + UUID.randomUUID();

    private static EmbeddedRedisServer server;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        server = EmbeddedRedisServer.startTemporary(List.of(
                "--requirepass",
                ADMIN_PASSWORD,
                "--user",
                "agent-presence-service",
                "on",
                ">" + PRESENCE_PASSWORD,
                "resetchannels",
                "~presence:*",
                "+@all",
                "-@dangerous"));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        server.close();
    }

    @Test
    void a_service_logs_in_as_its_acl_user_and_reads_and_writes_its_own_keys() throws Exception {
        Redis redis = clientFromEnvironment(
                "redis://127.0.0.1:" + server.port() + "?user=agent-presence-service", PRESENCE_PASSWORD);
        try {
            String key = RedisKeys.key("presence", RedisKeys.tenantTag("acme"), "agents");
            send(redis, Request.cmd(Command.HSET).arg(key).arg("camille").arg("1;AVAILABLE"));
            assertThat(send(redis, Request.cmd(Command.HGET).arg(key).arg("camille"))
                            .toString())
                    .isEqualTo("1;AVAILABLE");
            // The services write through Lua scripts: a script may touch the same keys.
            Response scripted = send(
                    redis,
                    Request.cmd(Command.EVAL)
                            .arg("return redis.call('HGET', KEYS[1], ARGV[1])")
                            .arg(1)
                            .arg(key)
                            .arg("camille"));
            assertThat(scripted.toString()).isEqualTo("1;AVAILABLE");
        } finally {
            redis.close();
        }
    }

    @Test
    void a_service_is_refused_keys_outside_its_namespace_even_from_a_script() throws Exception {
        Redis redis = clientFromEnvironment(
                "redis://127.0.0.1:" + server.port() + "?user=agent-presence-service", PRESENCE_PASSWORD);
        try {
            String story = RedisKeys.key("context", RedisKeys.entityTag("acme", "alicia"), "journey");
            assertThatThrownBy(() -> send(
                            redis, Request.cmd(Command.LRANGE).arg(story).arg(0).arg(-1)))
                    .hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> send(
                            redis,
                            Request.cmd(Command.EVAL)
                                    .arg("return redis.call('RPUSH', KEYS[1], 'x')")
                                    .arg(1)
                                    .arg(story)))
                    .hasMessageContaining("NOPERM");
            // A script that names the key itself (not in KEYS) is checked command by command.
            assertThatThrownBy(() -> send(
                            redis,
                            Request.cmd(Command.EVAL)
                                    .arg("return redis.call('RPUSH', ARGV[1], 'x')")
                                    .arg(0)
                                    .arg(story)))
                    .hasMessageContaining("access");
            assertThatThrownBy(() -> send(redis, Request.cmd(Command.FLUSHALL))).hasMessageContaining("NOPERM");
        } finally {
            redis.close();
        }
    }

    @Test
    void a_service_with_the_wrong_password_is_refused() {
        Redis redis = clientFromEnvironment(
                "redis://127.0.0.1:" + server.port() + "?user=agent-presence-service", "not-" + PRESENCE_PASSWORD);
        try {
            assertThatThrownBy(() -> send(redis, Request.cmd(Command.PING))).hasMessageContaining("WRONGPASS");
        } finally {
            redis.close();
        }
    }

    @Test
    void a_service_password_does_not_open_the_default_user() {
        Redis redis = clientFromEnvironment("redis://127.0.0.1:" + server.port(), PRESENCE_PASSWORD);
        try {
            assertThatThrownBy(() -> send(redis, Request.cmd(Command.PING))).hasMessageContaining("WRONGPASS");
        } finally {
            redis.close();
        }
    }

    /**
     * The client a pod gets from its environment (ConfigMap: {@code ALICIA_REDIS_URI}; Secret:
     * {@code QUARKUS_REDIS_PASSWORD}), read through the kit's {@code microprofile-config.properties}.
     */
    private static Redis clientFromEnvironment(String uri, String password) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDefaultSources()
                .withSources(
                        new EnvConfigSource(Map.of("ALICIA_REDIS_URI", uri, "QUARKUS_REDIS_PASSWORD", password), 301))
                .build();
        RedisOptions options = new RedisOptions()
                .setConnectionString(config.getValue("quarkus.redis.hosts", String.class))
                .setPassword(config.getValue("quarkus.redis.password", String.class));
        return Redis.createClient(vertx, options);
    }

    private static Response send(Redis redis, Request request) throws Exception {
        try {
            return redis.send(request).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
