package dev.alicia.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifests fit together: Services find pods, references find their ConfigMaps and Secrets, services find
 * Kafka, Redis and PostgreSQL under the names the infrastructure gets. */
class WiringTest {

    /** The settings deploy/README.md promises each service gets (and the services read). */
    static final List<String> SETTINGS = List.of(
            "ALICIA_KAFKA_BOOTSTRAP",
            "ALICIA_REDIS_URI",
            "ALICIA_DB_URL",
            "ALICIA_DB_USER",
            "ALICIA_DB_PASSWORD",
            "PORT");

    static Stream<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_service_selects_the_pods_of_exactly_one_workload_and_targets_a_port_they_expose(Rendering rendering) {
        List<Service> services = rendering.all(Service.class);
        assertThat(services)
                .extracting(s -> s.getMetadata().getName())
                .contains(Rendering.SERVICES.toArray(String[]::new));
        for (Service service : services) {
            String name = service.getMetadata().getName();
            List<PodTemplateSpec> selected = rendering.podTemplates().values().stream()
                    .filter(t -> Selectors.subsetOf(
                            service.getSpec().getSelector(), t.getMetadata().getLabels()))
                    .toList();
            assertThat(selected).as("workloads selected by Service " + name).hasSize(1);
            List<ContainerPort> ports = selected.get(0).getSpec().getContainers().stream()
                    .flatMap(c -> c.getPorts().stream())
                    .toList();
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort();
                assertThat(ports)
                        .as("Service " + name + " targets port " + target)
                        .anySatisfy(p -> assertThat(
                                        target.getIntVal() != null
                                                ? target.getIntVal().equals(p.getContainerPort())
                                                : target.getStrVal().equals(p.getName()))
                                .isTrue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_config_map_and_secret_referenced_exists_or_is_made_by_an_operator_or_provided_by_ops(
            Rendering rendering) {
        Map<String, Set<String>> secrets = availableSecrets(rendering);
        Map<String, Set<String>> configMaps = new HashMap<>();
        rendering
                .all(ConfigMap.class)
                .forEach(c ->
                        configMaps.put(c.getMetadata().getName(), c.getData().keySet()));
        opsProvided("configMaps").forEach(configMaps::put);

        List<Reference> references = references(rendering);
        assertThat(references).as("references found in " + rendering).hasSizeGreaterThan(10);
        for (Reference reference : references) {
            Map<String, Set<String>> available = reference.secret() ? secrets : configMaps;
            String what =
                    (reference.secret() ? "Secret " : "ConfigMap ") + reference.name() + " (" + reference.from() + ")";
            assertThat(available).as(what + " exists").containsKey(reference.name());
            if (reference.key() != null) {
                assertThat(available.get(reference.name()))
                        .as(what + " has key")
                        .contains(reference.key());
            }
        }
    }

    @Test
    void the_secrets_ops_provide_are_listed_in_the_readme_with_their_keys() throws IOException {
        String readme = Files.readString(Rendering.DEPLOY_DIR.resolve("README.md"));
        Map<String, Set<String>> provided = opsProvided("secrets");
        assertThat(provided).isNotEmpty();
        provided.forEach((name, keys) -> {
            assertThat(readme).as("README names " + name).contains("`" + name + "`");
            keys.forEach(key -> assertThat(readme).as("README names key " + key).contains(key));
        });
        assertThat(readme).contains("kubectl kustomize deploy/k8s/overlays/prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void each_service_gets_the_settings_the_readme_names_and_listens_on_8080(Rendering rendering) throws IOException {
        String readme = Files.readString(Rendering.DEPLOY_DIR.resolve("README.md"));
        for (String service : Rendering.SERVICES) {
            Map<String, String> env = environment(rendering, service);
            assertThat(env).as(service).containsKeys(SETTINGS.toArray(String[]::new));
            assertThat(env).as(service).containsEntry("PORT", "8080");
            Container container = WorkloadsTest.container(rendering.one(Deployment.class, service), service);
            assertThat(container.getPorts())
                    .extracting(ContainerPort::getContainerPort)
                    .containsExactly(8080);
        }
        SETTINGS.forEach(setting -> assertThat(readme).contains("`" + setting + "`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void each_service_reaches_kafka_redis_and_postgresql_under_the_names_the_infrastructure_gets(Rendering rendering) {
        GenericKubernetesResource kafka = rendering.oneCustom("Kafka");
        Map<String, Object> listener = KafkaTest.clientListener(kafka);
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.get("port");

        Service redis = rendering.all(Service.class).stream()
                .filter(s -> s.getSpec().getClusterIP() == null
                        && Selectors.subsetOf(
                                s.getSpec().getSelector(),
                                rendering
                                        .one(StatefulSet.class, "redis")
                                        .getSpec()
                                        .getTemplate()
                                        .getMetadata()
                                        .getLabels()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Service in front of Redis"));
        String redisUri = "redis://" + redis.getMetadata().getName() + ":"
                + redis.getSpec().getPorts().get(0).getPort();

        GenericKubernetesResource cluster = rendering.oneCustom("Cluster");
        Pattern jdbc = Pattern.compile(
                "jdbc:postgresql://" + Pattern.quote(cluster.getMetadata().getName()) + "-rw:5432/([a-z_]+)(\\?.*)?");

        for (String service : Rendering.SERVICES) {
            Map<String, String> env = environment(rendering, service);
            assertThat(env).as(service).containsEntry("ALICIA_KAFKA_BOOTSTRAP", bootstrap);
            // Logs in as its own Redis ACL user, named in the URI; the password is its own Secret's.
            assertThat(env).as(service).containsEntry("ALICIA_REDIS_URI", redisUri + "?user=" + service);
            assertThat(envVar(rendering, service, "QUARKUS_REDIS_PASSWORD")
                            .getValueFrom()
                            .getSecretKeyRef()
                            .getName())
                    .isEqualTo(service + "-redis");
            assertThat(env.get("ALICIA_DB_URL")).as(service).matches(jdbc);
            // The listener asks for TLS and SCRAM-SHA-512: the client says so and logs in as its own KafkaUser.
            assertThat(listener).containsEntry("tls", true);
            assertThat(env).as(service).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
            assertThat(env).as(service).containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            EnvVar jaas = envVar(rendering, service, "KAFKA_SASL_JAAS_CONFIG");
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(service);
            assertThat(rendering.custom("KafkaUser"))
                    .extracting(u -> u.getMetadata().getName())
                    .contains(service);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void each_service_database_is_declared_with_an_owner_whose_password_the_service_reads(Rendering rendering) {
        GenericKubernetesResource cluster = rendering.oneCustom("Cluster");
        List<Map<String, Object>> roles = Rendering.field(cluster, "spec", "managed", "roles");
        Set<String> databases = new LinkedHashSet<>();
        for (String service : Rendering.SERVICES) {
            Matcher url = Pattern.compile("/([a-z_]+)(\\?.*)?$")
                    .matcher(environment(rendering, service).get("ALICIA_DB_URL"));
            assertThat(url.find()).isTrue();
            String database = url.group(1);
            databases.add(database);
            GenericKubernetesResource declared = rendering.custom("Database").stream()
                    .filter(d -> database.equals(Rendering.field(d, "spec", "name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Database " + database + " for " + service));
            assertThat((String) Rendering.field(declared, "spec", "cluster", "name"))
                    .isEqualTo(cluster.getMetadata().getName());
            String owner = Rendering.field(declared, "spec", "owner");
            String secret = envVar(rendering, service, "ALICIA_DB_PASSWORD")
                    .getValueFrom()
                    .getSecretKeyRef()
                    .getName();
            assertThat(envVar(rendering, service, "ALICIA_DB_USER")
                            .getValueFrom()
                            .getSecretKeyRef()
                            .getName())
                    .isEqualTo(secret);
            assertThat(roles).as(service + " role " + owner).anySatisfy(role -> {
                assertThat(role).containsEntry("name", owner).containsEntry("login", true);
                assertThat(role.get("passwordSecret")).isEqualTo(Map.of("name", secret));
            });
        }
        assertThat(databases).as("one database per service").hasSize(Rendering.SERVICES.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_deployment_has_a_pod_disruption_budget_that_still_lets_a_node_drain(Rendering rendering) {
        for (Deployment deployment : rendering.all(Deployment.class)) {
            Map<String, String> labels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = rendering.all(PodDisruptionBudget.class).stream()
                    .filter(b -> Selectors.matches(b.getSpec().getSelector(), labels))
                    .toList();
            assertThat(budgets).as(deployment.getMetadata().getName()).hasSize(1);
            assertThat(budgets.get(0).getSpec().getMaxUnavailable())
                    .as(deployment.getMetadata().getName() + " maxUnavailable")
                    .isNotNull()
                    .satisfies(m -> assertThat(m.getIntVal()).isGreaterThanOrEqualTo(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_service_is_scraped_by_prometheus_on_q_metrics(Rendering rendering) {
        for (String name : Rendering.SERVICES) {
            Service service = rendering.one(Service.class, name);
            List<GenericKubernetesResource> monitors = rendering.custom("ServiceMonitor").stream()
                    .filter(m -> Selectors.subsetOf(
                            Rendering.field(m, "spec", "selector", "matchLabels"),
                            service.getMetadata().getLabels()))
                    .toList();
            assertThat(monitors).as(name).hasSize(1);
            List<Map<String, Object>> endpoints = Rendering.field(monitors.get(0), "spec", "endpoints");
            assertThat(endpoints).as(name).singleElement().satisfies(endpoint -> {
                assertThat(endpoint).containsEntry("path", "/q/metrics");
                assertThat(service.getSpec().getPorts())
                        .extracting(ServicePort::getName)
                        .contains((String) endpoint.get("port"));
            });
        }
    }

    record Reference(boolean secret, String name, String key, String from) {}

    /** Every Secret and ConfigMap the rendered resources refer to, with the key when they name one. */
    static List<Reference> references(Rendering rendering) {
        List<Reference> references = new ArrayList<>();
        rendering.podTemplates().forEach((workload, template) -> {
            for (Container container : template.getSpec().getContainers()) {
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getConfigMapRef() != null) {
                        references.add(
                                new Reference(false, source.getConfigMapRef().getName(), null, workload));
                    }
                    if (source.getSecretRef() != null) {
                        references.add(new Reference(true, source.getSecretRef().getName(), null, workload));
                    }
                }
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    if (env.getValueFrom().getSecretKeyRef() != null) {
                        references.add(new Reference(
                                true,
                                env.getValueFrom().getSecretKeyRef().getName(),
                                env.getValueFrom().getSecretKeyRef().getKey(),
                                workload + " " + env.getName()));
                    }
                    if (env.getValueFrom().getConfigMapKeyRef() != null) {
                        references.add(new Reference(
                                false,
                                env.getValueFrom().getConfigMapKeyRef().getName(),
                                env.getValueFrom().getConfigMapKeyRef().getKey(),
                                workload + " " + env.getName()));
                    }
                }
            }
            for (Volume volume : template.getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    List<KeyToPath> items = volume.getSecret().getItems();
                    if (items.isEmpty()) {
                        references.add(new Reference(true, volume.getSecret().getSecretName(), null, workload));
                    }
                    items.forEach(i -> references.add(
                            new Reference(true, volume.getSecret().getSecretName(), i.getKey(), workload)));
                }
                if (volume.getConfigMap() != null) {
                    references.add(new Reference(false, volume.getConfigMap().getName(), null, workload));
                }
            }
        });
        for (GenericKubernetesResource cluster : rendering.custom("Cluster")) {
            String initdb = Rendering.field(cluster, "spec", "bootstrap", "initdb", "secret", "name");
            if (initdb != null) {
                references.add(new Reference(true, initdb, "password", "Cluster initdb"));
            }
            List<Map<String, Object>> roles = Rendering.field(cluster, "spec", "managed", "roles");
            for (Map<String, Object> role : roles == null ? List.<Map<String, Object>>of() : roles) {
                @SuppressWarnings("unchecked")
                Map<String, Object> secret = (Map<String, Object>) role.get("passwordSecret");
                references.add(
                        new Reference(true, (String) secret.get("name"), "password", "role " + role.get("name")));
                references.add(
                        new Reference(true, (String) secret.get("name"), "username", "role " + role.get("name")));
            }
        }
        for (GenericKubernetesResource auth : rendering.custom("TriggerAuthentication")) {
            List<Map<String, Object>> refs = Rendering.field(auth, "spec", "secretTargetRef");
            for (Map<String, Object> ref : refs) {
                references.add(new Reference(
                        true, (String) ref.get("name"), (String) ref.get("key"), "TriggerAuthentication"));
            }
        }
        return references;
    }

    /** Secrets that will exist, with their keys: rendered, made by Strimzi, or provided by ops. */
    static Map<String, Set<String>> availableSecrets(Rendering rendering) {
        Map<String, Set<String>> secrets = new HashMap<>();
        rendering.all(Secret.class).forEach(s -> {
            Set<String> keys = new LinkedHashSet<>();
            if (s.getData() != null) {
                keys.addAll(s.getData().keySet());
            }
            if (s.getStringData() != null) {
                keys.addAll(s.getStringData().keySet());
            }
            secrets.put(s.getMetadata().getName(), keys);
        });
        // Strimzi's User Operator: a Secret named after each SCRAM user; its Cluster Operator: the cluster CA.
        rendering
                .custom("KafkaUser")
                .forEach(u -> secrets.put(u.getMetadata().getName(), Set.of("password", "sasl.jaas.config")));
        rendering
                .custom("Kafka")
                .forEach(k -> secrets.put(
                        k.getMetadata().getName() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password")));
        opsProvided("secrets").forEach(secrets::put);
        return secrets;
    }

    /** deploy/k8s/ops-provided.yaml: name to keys. */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> opsProvided(String section) {
        Map<String, Object> list = Yaml.document(Rendering.K8S.resolve("ops-provided.yaml"));
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) list.get(section)) {
            assertThat(entry.get("purpose"))
                    .as("purpose of " + entry.get("name"))
                    .isNotNull();
            result.put((String) entry.get("name"), new LinkedHashSet<>((List<String>) entry.get("keys")));
        }
        return result;
    }

    /** The environment a service's container gets: its ConfigMaps (envFrom) and its own env, values or refs. */
    static Map<String, String> environment(Rendering rendering, String service) {
        Container container = WorkloadsTest.container(rendering.one(Deployment.class, service), service);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                env.putAll(rendering
                        .one(ConfigMap.class, source.getConfigMapRef().getName())
                        .getData());
            }
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue() != null ? var.getValue() : "<from " + var.getValueFrom() + ">");
        }
        return env;
    }

    static EnvVar envVar(Rendering rendering, String service, String name) {
        Container container = WorkloadsTest.container(rendering.one(Deployment.class, service), service);
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no env " + name));
    }
}
