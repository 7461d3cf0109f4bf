package dev.alicia.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.alicia.infra.EmbeddedRedisServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Redis ACL users of the production manifests, on a real Redis: the StatefulSet's own {@code --requirepass}
 * and {@code --user} arguments, with each {@code $(VAR)} filled in as Kubernetes would from a throw-away password
 * per Secret; each service connects as its Deployment says ({@code ALICIA_REDIS_URI} with its {@code ?user=},
 * {@code QUARKUS_REDIS_PASSWORD} from its Secret) with the Vert.x client Quarkus uses.
 */
class RedisAclTest {

    private static final Rendering PROD = Rendering.of("overlays/prod");

    /** A throw-away password per Secret name, as ops would create them. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    private static EmbeddedRedisServer server;
    private static Vertx vertx;

    @BeforeAll
    static void startRedisWithTheManifestsUsers() {
        RedisAcl acl = RedisAcl.of(PROD);
        Map<String, String> variables = new LinkedHashMap<>();
        for (EnvVar env : acl.container().getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                variables.put(
                        env.getName(),
                        secret(env.getValueFrom().getSecretKeyRef().getName()));
            }
        }
        server = EmbeddedRedisServer.startTemporary(acl.authenticationArguments(variables));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        server.close();
    }

    static List<String> services() {
        return Rendering.SERVICES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void each_service_reaches_its_own_namespaces_and_is_refused_the_others(String service) throws Exception {
        List<String> namespaces = namespacesOfTheKeyLayout();
        assertThat(namespaces).containsExactlyInAnyOrder("presence", "context", "router");
        List<String> allowed = ProductionCredentialsTest.REDIS_KEYS.get(service);
        Redis redis = connectAs(service);
        try {
            for (String namespace : namespaces) {
                String key = namespace + ":{acme}:acl-probe-" + service;
                Request write = Request.cmd(Command.SET).arg(key).arg(service);
                Request scripted = Request.cmd(Command.EVAL)
                        .arg("return redis.call('GET', ARGV[1])")
                        .arg(0)
                        .arg(key);
                if (allowed.contains(namespace + ":*")) {
                    assertThat(send(redis, write).toString())
                            .as(service + " writes " + key)
                            .isEqualTo("OK");
                    assertThat(send(redis, scripted).toString())
                            .as(service + " reads " + key + " from a script")
                            .isEqualTo(service);
                } else {
                    assertThatThrownBy(() -> send(redis, write))
                            .as(service + " writes " + key)
                            .hasMessageContaining("NOPERM");
                    assertThatThrownBy(() -> send(redis, scripted))
                            .as(service + " reads " + key + " from a script")
                            .hasMessageContaining("access");
                }
            }
            // What ops may do and a service may not.
            assertThatThrownBy(() -> send(redis, Request.cmd(Command.FLUSHALL))).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> send(redis, Request.cmd(Command.KEYS).arg("*")))
                    .hasMessageContaining("NOPERM");
            assertThatThrownBy(() ->
                            send(redis, Request.cmd(Command.CONFIG).arg("GET").arg("requirepass")))
                    .hasMessageContaining("NOPERM");
        } finally {
            redis.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void a_service_password_is_refused_for_any_other_user(String service) {
        for (String other : Rendering.SERVICES) {
            if (other.equals(service)) {
                continue;
            }
            Redis redis = connect(uriOf(other), passwordOf(service));
            try {
                assertThatThrownBy(() -> send(redis, Request.cmd(Command.PING)))
                        .as(service + "'s password for " + other)
                        .hasMessageContaining("WRONGPASS");
            } finally {
                redis.close();
            }
        }
    }

    @Test
    void the_default_user_is_the_administrators_with_the_password_of_redis_auth() throws Exception {
        Redis admin = connect("redis://127.0.0.1:" + server.port(), secret("redis-auth"));
        try {
            assertThat(send(admin, Request.cmd(Command.PING)).toString()).isEqualTo("PONG");
            assertThat(send(admin, Request.cmd(Command.ACL).arg("USERS")).toString())
                    .contains(Rendering.SERVICES.toArray(String[]::new));
        } finally {
            admin.close();
        }
    }

    private static Redis connectAs(String service) {
        return connect(uriOf(service), passwordOf(service));
    }

    /** The service's ALICIA_REDIS_URI, pointed at the test's Redis (the path and ?user= kept). */
    private static String uriOf(String service) {
        String uri = WiringTest.environment(PROD, service).get("ALICIA_REDIS_URI");
        return uri.replaceFirst("^redis://[^/?]+", "redis://127.0.0.1:" + server.port());
    }

    /** What the service's QUARKUS_REDIS_PASSWORD holds: its Secret's value. */
    private static String passwordOf(String service) {
        return secret(WiringTest.envVar(PROD, service, "QUARKUS_REDIS_PASSWORD")
                .getValueFrom()
                .getSecretKeyRef()
                .getName());
    }

    private static String secret(String name) {
        return SECRETS.computeIfAbsent(name, n -> UUID.randomUUID().toString());
    }

    /** quarkus.redis.hosts as the connection string, quarkus.redis.password as the password: what Quarkus does. */
    private static Redis connect(String uri, String password) {
        return Redis.createClient(
                vertx, new RedisOptions().setConnectionString(uri).setPassword(password));
    }

    /** The namespaces docs/redis-keys.md lays out ({@code ## `presence:` — owned by ...}). */
    private static List<String> namespacesOfTheKeyLayout() throws IOException {
        String layout =
                Files.readString(Path.of(System.getProperty("alicia.contracts.dir", "../docs"), "redis-keys.md"));
        Matcher m = Pattern.compile("(?m)^## `([a-z]+):`").matcher(layout);
        List<String> namespaces = new ArrayList<>();
        while (m.find()) {
            namespaces.add(m.group(1));
        }
        return namespaces;
    }

    private static Response send(Redis redis, Request request) throws Exception {
        try {
            return redis.send(request).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
