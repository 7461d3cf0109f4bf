package dev.alicia.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production credentials: the manifests only name where each credential comes from (Kubernetes Secrets made by
 * ops or by Strimzi), never hold one, and give each service its own identity on Kafka and Redis; the JWT issuer
 * and its key come from the ops-provided ConfigMap {@code alicia-auth}.
 */
class ProductionCredentialsTest {

    /** Variable names that carry a credential: their value must come from a Secret. */
    static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|JAAS|CREDENTIAL|AUTH).*");

    /** What each service's Redis user may touch: the namespaces of docs/redis-keys.md it reads or writes. */
    static final Map<String, List<String>> REDIS_KEYS = Map.of(
            "router-service", List.of("router:*", "presence:*", "context:*"),
            "agent-presence-service", List.of("presence:*"),
            // context-service reads an agent's live state to hand a brief only to the agent holding the contact.
            "context-service", List.of("context:*", "presence:*"));

    static Stream<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void no_manifest_holds_a_secret_value(Rendering rendering) {
        for (Secret secret : rendering.all(Secret.class)) {
            assertThat(secret.getData())
                    .as("Secret " + secret.getMetadata().getName())
                    .isNullOrEmpty();
            assertThat(secret.getStringData())
                    .as("Secret " + secret.getMetadata().getName())
                    .isNullOrEmpty();
        }
        for (ConfigMap configMap : rendering.all(ConfigMap.class)) {
            configMap.getData().forEach((key, value) -> {
                assertThat(key)
                        .as("ConfigMap " + configMap.getMetadata().getName())
                        .doesNotMatch(CREDENTIAL);
                assertThat(value.toLowerCase())
                        .as("ConfigMap " + configMap.getMetadata().getName() + " " + key)
                        .doesNotContain("password=")
                        .doesNotContain("loginmodule");
            });
        }
    }

    @Test
    void no_file_under_k8s_holds_a_password_or_a_private_key() throws IOException {
        Pattern literalPassword =
                Pattern.compile("(?i)(password\\s*=\\s*\"[^\"$]|>[A-Za-z0-9+/]{8,}|BEGIN [A-Z ]*PRIVATE KEY)");
        try (Stream<Path> files = Files.walk(Rendering.K8S)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(yaml).hasSizeGreaterThan(10);
            for (Path file : yaml) {
                String text = read(file);
                assertThat(literalPassword.matcher(text).find())
                        .as(file + " holds what looks like a credential")
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_credential_variable_of_every_container_comes_from_a_secret(Rendering rendering) {
        int credentials = 0;
        for (Map.Entry<String, PodTemplateSpec> workload :
                rendering.podTemplates().entrySet()) {
            for (Container container : workload.getValue().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (CREDENTIAL.matcher(env.getName()).matches()) {
                        credentials++;
                        assertThat(env.getValue())
                                .as(workload.getKey() + " " + env.getName() + " is a literal")
                                .isNull();
                        assertThat(env.getValueFrom().getSecretKeyRef())
                                .as(workload.getKey() + " " + env.getName() + " comes from a Secret")
                                .isNotNull();
                    }
                }
            }
        }
        // Per service: database password, Redis password, Kafka JAAS; Redis: its own and the services' passwords.
        assertThat(credentials).isGreaterThanOrEqualTo(3 * Rendering.SERVICES.size() + 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_redis_password_is_a_variable_from_a_secret_and_no_user_goes_without(Rendering rendering) {
        RedisAcl acl = RedisAcl.of(rendering);
        List<String> args = acl.container().getArgs();
        int requirepass = args.indexOf("--requirepass");
        assertThat(requirepass).as("the default user has a password").isNotNegative();
        String defaultPassword = args.get(requirepass + 1);
        assertThat(defaultPassword).matches(RedisAcl.VARIABLE);
        assertThat(acl.variableSecret(defaultPassword.substring(2, defaultPassword.length() - 1)))
                .isNotNull();
        assertThat(acl.users()).isNotEmpty();
        acl.users().forEach((user, rules) -> {
            assertThat(rules).as(user).doesNotContain("nopass", "allkeys", "~*", "+@dangerous");
            assertThat(rules).as(user).contains("on", "-@dangerous", "resetchannels");
            assertThat(acl.passwordRules(user)).as(user).hasSize(1);
            assertThat(acl.passwordSecret(acl.passwordRules(user).get(0)))
                    .as(user + "'s password comes from a Secret")
                    .isNotNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void each_service_logs_in_to_redis_as_its_own_user_limited_to_its_namespaces(Rendering rendering)
            throws IOException {
        RedisAcl acl = RedisAcl.of(rendering);
        String layout = read(Path.of(System.getProperty("alicia.contracts.dir", "../docs"), "redis-keys.md"));
        for (String service : Rendering.SERVICES) {
            Map<String, String> env = WiringTest.environment(rendering, service);
            assertThat(env.get("ALICIA_REDIS_URI")).as(service).endsWith("?user=" + service);
            assertThat(acl.users()).as("Redis users").containsKey(service);
            assertThat(acl.keyPatterns(service))
                    .as(service)
                    .containsExactlyInAnyOrderElementsOf(REDIS_KEYS.get(service));
            acl.keyPatterns(service)
                    .forEach(pattern -> assertThat(layout)
                            .as("docs/redis-keys.md describes " + pattern)
                            .contains("## `" + pattern.replace("*", "") + "`"));
            // Redis and the service read the password from the same Secret key.
            SecretKeySelector server =
                    acl.passwordSecret(acl.passwordRules(service).get(0));
            SecretKeySelector client = WiringTest.envVar(rendering, service, "QUARKUS_REDIS_PASSWORD")
                    .getValueFrom()
                    .getSecretKeyRef();
            assertThat(server.getName()).as(service).isEqualTo(client.getName()).isEqualTo(service + "-redis");
            assertThat(server.getKey()).as(service).isEqualTo(client.getKey());
        }
        assertThat(acl.users().keySet())
                .as("no user that no service uses")
                .containsExactlyInAnyOrderElementsOf(Rendering.SERVICES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_service_reads_the_jwt_issuer_and_its_public_key_from_alicia_auth(Rendering rendering) {
        Map<String, Set<String>> opsConfigMaps = WiringTest.opsProvided("configMaps");
        assertThat(opsConfigMaps).containsKey("alicia-auth");
        assertThat(rendering.find(ConfigMap.class, "alicia-auth"))
                .as("alicia-auth is ops', not ours")
                .isEmpty();
        Map<String, String> settings =
                Map.of("MP_JWT_VERIFY_ISSUER", "issuer", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "publickey-location");
        for (String service : Rendering.SERVICES) {
            settings.forEach((variable, key) -> {
                ConfigMapKeySelector ref = WiringTest.envVar(rendering, service, variable)
                        .getValueFrom()
                        .getConfigMapKeyRef();
                assertThat(ref).as(service + " " + variable).isNotNull();
                assertThat(ref.getName()).isEqualTo("alicia-auth");
                assertThat(ref.getKey()).isEqualTo(key);
                assertThat(ref.getOptional())
                        .as("a service must not start without it")
                        .isNotEqualTo(Boolean.TRUE);
                assertThat(opsConfigMaps.get("alicia-auth")).contains(key);
            });
        }
    }

    @Test
    void the_readme_documents_the_jwt_settings_and_the_config_maps_ops_provide() throws IOException {
        String readme = read(Rendering.DEPLOY_DIR.resolve("README.md"));
        assertThat(readme).contains("`MP_JWT_VERIFY_ISSUER`", "`MP_JWT_VERIFY_PUBLICKEY_LOCATION`");
        assertThat(readme).contains("mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location");
        WiringTest.opsProvided("configMaps").forEach((name, keys) -> {
            assertThat(readme).as("README names " + name).contains("`" + name + "`");
            keys.forEach(key -> assertThat(readme).as("README names key " + key).contains("`" + key + "`"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_service_reaches_kafka_over_tls_with_scram_trusting_the_cluster_ca(Rendering rendering) {
        GenericKubernetesResource kafka = rendering.oneCustom("Kafka");
        Map<String, Object> listener = KafkaTest.clientListener(kafka);
        assertThat(listener).containsEntry("tls", true);
        String caSecret = kafka.getMetadata().getName() + "-cluster-ca-cert";
        for (String service : Rendering.SERVICES) {
            Map<String, String> env = WiringTest.environment(rendering, service);
            assertThat(env)
                    .as(service)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                    .doesNotContainKeys("KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "KAFKA_SSL_TRUSTSTORE_PASSWORD");
            SecretKeySelector jaas = WiringTest.envVar(rendering, service, "KAFKA_SASL_JAAS_CONFIG")
                    .getValueFrom()
                    .getSecretKeyRef();
            assertThat(jaas.getName())
                    .as(service + " logs in as its own KafkaUser")
                    .isEqualTo(service);
            assertThat(jaas.getKey()).isEqualTo("sasl.jaas.config");

            // The truststore file is the cluster CA's ca.crt, mounted from Strimzi's Secret.
            Path truststore = Path.of(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
            Deployment deployment = rendering.one(Deployment.class, service);
            Container container = WorkloadsTest.container(deployment, service);
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(m -> truststore.startsWith(m.getMountPath()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + truststore));
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(volume.getSecret().getSecretName()).as(service).isEqualTo(caSecret);
            String file = Path.of(mount.getMountPath()).relativize(truststore).toString();
            assertThat(volume.getSecret().getItems())
                    .as(service + " mounts ca.crt as " + file)
                    .anySatisfy(item -> {
                        assertThat(item.getKey()).isEqualTo("ca.crt");
                        assertThat(item.getPath()).isEqualTo(file);
                    });
            assertThat(mount.getReadOnly()).isTrue();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
