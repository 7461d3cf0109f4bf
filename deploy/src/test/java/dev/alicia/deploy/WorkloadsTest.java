package dev.alicia.deploy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What every pod the manifests define must hold: probes, resources, the restricted Pod Security Standard. */
class WorkloadsTest {

    static Stream<Rendering> renderings() {
        return Rendering.all();
    }

    static Stream<Rendering> overlays() {
        return Rendering.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_service_is_probed_on_quarkus_health_for_startup_readiness_and_liveness(Rendering rendering) {
        for (String service : Rendering.SERVICES) {
            Container container = container(rendering.one(Deployment.class, service), service);
            assertThat(httpPath(container, container.getStartupProbe()))
                    .as(service)
                    .isEqualTo("/q/health/started");
            assertThat(httpPath(container, container.getReadinessProbe()))
                    .as(service)
                    .isEqualTo("/q/health/ready");
            assertThat(httpPath(container, container.getLivenessProbe()))
                    .as(service)
                    .isEqualTo("/q/health/live");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_container_has_readiness_and_liveness_probes(Rendering rendering) {
        forEachContainer(rendering, (workload, container) -> {
            assertThat(container.getReadinessProbe())
                    .as(workload + " readiness")
                    .isNotNull();
            assertThat(container.getLivenessProbe()).as(workload + " liveness").isNotNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_container_requests_and_limits_cpu_and_memory_and_never_requests_more_than_its_limit(
            Rendering rendering) {
        forEachContainer(rendering, (workload, container) -> {
            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();
            for (String resource : List.of("cpu", "memory")) {
                assertThat(requests).as(workload + " requests").containsKey(resource);
                assertThat(limits).as(workload + " limits").containsKey(resource);
                assertThat(Quantity.getAmountInBytes(requests.get(resource)))
                        .as(workload + " " + resource + " request ≤ limit")
                        .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(resource)));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_container_runs_as_non_root_with_a_read_only_root_filesystem(Rendering rendering) {
        forEachPod(rendering, (workload, pod) -> {
            PodSecurityContext podContext = pod.getSecurityContext();
            for (Container container : pod.getContainers()) {
                SecurityContext context = container.getSecurityContext();
                assertThat(context).as(workload + " securityContext").isNotNull();
                Boolean nonRoot = context.getRunAsNonRoot() != null
                        ? context.getRunAsNonRoot()
                        : podContext == null ? null : podContext.getRunAsNonRoot();
                assertThat(nonRoot).as(workload + " runAsNonRoot").isTrue();
                Long user = context.getRunAsUser() != null
                        ? context.getRunAsUser()
                        : podContext == null ? null : podContext.getRunAsUser();
                assertThat(user).as(workload + " runAsUser").isNotEqualTo(0L);
                assertThat(context.getReadOnlyRootFilesystem())
                        .as(workload + " readOnlyRootFilesystem")
                        .isTrue();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_container_drops_all_capabilities_and_cannot_escalate_its_privileges(Rendering rendering) {
        forEachContainer(rendering, (workload, container) -> {
            SecurityContext context = container.getSecurityContext();
            assertThat(context.getAllowPrivilegeEscalation())
                    .as(workload + " allowPrivilegeEscalation")
                    .isFalse();
            assertThat(context.getPrivileged()).as(workload + " privileged").isNotEqualTo(Boolean.TRUE);
            assertThat(context.getCapabilities().getDrop())
                    .as(workload + " drops")
                    .containsExactly("ALL");
            assertThat(context.getCapabilities().getAdd())
                    .as(workload + " adds")
                    .isNullOrEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_pod_uses_the_runtime_default_seccomp_profile_and_nothing_of_the_host(Rendering rendering) {
        forEachPod(rendering, (workload, pod) -> {
            assertThat(pod.getSecurityContext().getSeccompProfile().getType())
                    .as(workload)
                    .isEqualTo("RuntimeDefault");
            for (Container container : pod.getContainers()) {
                if (container.getSecurityContext().getSeccompProfile() != null) {
                    assertThat(container
                                    .getSecurityContext()
                                    .getSeccompProfile()
                                    .getType())
                            .as(workload)
                            .isEqualTo("RuntimeDefault");
                }
            }
            assertThat(pod.getHostNetwork()).as(workload + " hostNetwork").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostPID()).as(workload + " hostPID").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostIPC()).as(workload + " hostIPC").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getVolumes())
                    .as(workload)
                    .allSatisfy(v -> assertThat(v.getHostPath()).isNull());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_container_writes_its_temporary_files_to_an_empty_dir_on_tmp(Rendering rendering) {
        forEachPod(rendering, (workload, pod) -> {
            for (Container container : pod.getContainers()) {
                VolumeMount tmp = container.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(workload + " mounts nothing on /tmp"));
                Volume volume = pod.getVolumes().stream()
                        .filter(v -> v.getName().equals(tmp.getName()))
                        .findFirst()
                        .orElseThrow();
                assertThat(volume.getEmptyDir()).as(workload + " /tmp").isNotNull();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void the_pods_the_operators_create_for_kafka_are_restricted_too(Rendering rendering) {
        GenericKubernetesResource kafka = rendering.oneCustom("Kafka");
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        templates.put("Kafka nodes", Rendering.field(kafka, "spec", "kafka", "template"));
        templates.put("entity operator", Rendering.field(kafka, "spec", "entityOperator", "template"));
        templates.put("Kafka exporter", Rendering.field(kafka, "spec", "kafkaExporter", "template"));
        for (GenericKubernetesResource pool : rendering.custom("KafkaNodePool")) {
            templates.put("node pool " + pool.getMetadata().getName(), Rendering.field(pool, "spec", "template"));
        }
        templates.forEach((what, template) -> {
            assertThat(template).as(what + " template").isNotNull();
            Map<String, Object> pod = security(template, "pod");
            assertThat(pod).as(what + " pod").containsEntry("runAsNonRoot", true);
            assertThat(pod.get("seccompProfile")).as(what).isEqualTo(Map.of("type", "RuntimeDefault"));
            List<String> containers = template.keySet().stream()
                    .filter(k -> k.toLowerCase().endsWith("container"))
                    .toList();
            assertThat(containers).as(what + " containers").isNotEmpty();
            for (String name : containers) {
                Map<String, Object> container = security(template, name);
                assertThat(container).as(what + " " + name).containsEntry("allowPrivilegeEscalation", false);
                assertThat(container).as(what + " " + name).containsEntry("readOnlyRootFilesystem", true);
                assertThat(container).as(what + " " + name).containsEntry("runAsNonRoot", true);
                assertThat(container.get("capabilities")).as(what).isEqualTo(Map.of("drop", List.of("ALL")));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_service_memory_limit_leaves_room_over_its_measured_resident_memory_and_its_heap(Rendering rendering)
            throws IOException {
        Map<String, Long> measured = residentMemoryFromBenchmarks();
        assertThat(measured).containsOnlyKeys(Rendering.SERVICES);
        for (String service : Rendering.SERVICES) {
            Container container = container(rendering.one(Deployment.class, service), service);
            BigDecimal limit = Quantity.getAmountInBytes(
                    container.getResources().getLimits().get("memory"));
            assertThat(limit)
                    .as(service + " limit over measured RSS")
                    .isGreaterThan(BigDecimal.valueOf(measured.get(service)));
            String javaOptions = container.getEnv().stream()
                    .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " sets no heap size"))
                    .getValue();
            Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(javaOptions);
            assertThat(heap.find()).as(service + " -Xmx").isTrue();
            long heapBytes = Long.parseLong(heap.group(1)) * 1024 * 1024;
            assertThat(heapBytes).as(service + " heap ≤ 256 MB (issue 7)").isLessThanOrEqualTo(256L * 1024 * 1024);
            // Metaspace, threads, code cache and Netty's buffers take about as much again as the heap.
            assertThat(limit)
                    .as(service + " limit ≥ twice the heap")
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(heapBytes * 2));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void redis_keeps_an_append_only_file_synced_every_second_on_a_persistent_volume(Rendering rendering) {
        StatefulSet redis = rendering.one(StatefulSet.class, "redis");
        Container container = container(redis, "redis");
        String args = String.join(" ", container.getArgs());
        assertThat(args).contains("--appendonly yes", "--appendfsync everysec", "--dir /data");
        assertThat(redis.getSpec().getVolumeClaimTemplates())
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("data");
        assertThat(container.getVolumeMounts())
                .anySatisfy(m -> assertThat(m)
                        .extracting(VolumeMount::getName, VolumeMount::getMountPath)
                        .containsExactly("data", "/data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void an_overlay_puts_everything_in_one_namespace_that_enforces_the_restricted_pod_security_standard(
            Rendering rendering) {
        List<Namespace> namespaces = rendering.all(Namespace.class);
        assertThat(namespaces).hasSize(1);
        Namespace namespace = namespaces.get(0);
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        for (HasMetadata resource : rendering.resources()) {
            if (!(resource instanceof Namespace)) {
                assertThat(resource.getMetadata().getNamespace())
                        .as(resource.getKind() + " " + resource.getMetadata().getName())
                        .isEqualTo(namespace.getMetadata().getName());
            }
        }
    }

    @Test
    void the_base_leaves_the_namespace_to_the_overlays() {
        assertThat(Rendering.of("base").resources())
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).isNull());
    }

    static Map<String, Long> residentMemoryFromBenchmarks() throws IOException {
        Path benchmarks = Path.of(System.getProperty("alicia.contracts.dir", "../docs"), "benchmarks.md");
        String text = Files.readString(benchmarks);
        // "Highest resident memory of each service instance, sampled ... (heap ≤ 256 MB each): router-service 524 MB,
        // router-service@8091 529 MB, ..." - a service's figure is its highest instance's.
        Matcher line = Pattern.compile("Highest resident memory of each service instance, sampled every second while"
                        + " load ran \\([^)]*\\): (.*)\\.")
                .matcher(text);
        assertThat(line.find())
                .as("docs/benchmarks.md states the services' resident memory")
                .isTrue();
        Map<String, Long> measured = new LinkedHashMap<>();
        Matcher each = Pattern.compile("([a-z-]+)(?:@\\d+)? (\\d+) MB").matcher(line.group(1));
        while (each.find()) {
            measured.merge(each.group(1), Long.parseLong(each.group(2)) * 1_000_000L, Math::max);
        }
        return measured;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> security(Map<String, Object> template, String part) {
        Map<String, Object> section = (Map<String, Object>) template.get(part);
        assertThat(section).as(part).isNotNull();
        Map<String, Object> context = (Map<String, Object>) section.get("securityContext");
        assertThat(context).as(part + " securityContext").isNotNull();
        return context;
    }

    static Container container(Deployment deployment, String name) {
        return container(deployment.getSpec().getTemplate(), name);
    }

    static Container container(StatefulSet statefulSet, String name) {
        return container(statefulSet.getSpec().getTemplate(), name);
    }

    static Container container(PodTemplateSpec template, String name) {
        return template.getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /** The path of an HTTP probe, after checking that its port is one the container exposes as 8080. */
    static String httpPath(Container container, Probe probe) {
        assertThat(probe).as(container.getName() + " probe").isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(container.getName() + " HTTP probe").isNotNull();
        int port = get.getPort().getIntVal() != null
                ? get.getPort().getIntVal()
                : container.getPorts().stream()
                        .filter(p -> get.getPort().getStrVal().equals(p.getName()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("probe port " + get.getPort() + " is not exposed"))
                        .getContainerPort();
        assertThat(port).as(container.getName() + " probe port").isEqualTo(8080);
        return get.getPath();
    }

    interface ContainerCheck {
        void check(String workload, Container container);
    }

    interface PodCheck {
        void check(String workload, PodSpec pod);
    }

    static void forEachPod(Rendering rendering, PodCheck check) {
        Map<String, PodTemplateSpec> templates = rendering.podTemplates();
        assertThat(templates).as("pod templates in " + rendering).isNotEmpty();
        templates.forEach((workload, template) -> check.check(workload, template.getSpec()));
    }

    static void forEachContainer(Rendering rendering, ContainerCheck check) {
        List<String> checked = new ArrayList<>();
        forEachPod(rendering, (workload, pod) -> {
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container container : containers) {
                check.check(workload + "/" + container.getName(), container);
                checked.add(workload);
            }
        });
        assertThat(checked).as("containers checked in " + rendering).contains("redis");
        assertThat(checked).contains(Rendering.SERVICES.toArray(String[]::new));
    }
}
