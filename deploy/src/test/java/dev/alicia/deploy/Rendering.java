package dev.alicia.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * One kustomization rendered and read with fabric8's typed model: built-in kinds become their model classes
 * (Deployment, Service, NetworkPolicy...), custom resources (Strimzi, CloudNativePG, KEDA, Prometheus Operator)
 * become {@link GenericKubernetesResource}s.
 */
record Rendering(String name, List<HasMetadata> resources) {

    static final Path DEPLOY_DIR = Path.of(System.getProperty("alicia.deploy.dir", "."));
    static final Path K8S = DEPLOY_DIR.resolve("k8s");

    /** The layouts an ops team applies, and the base they share. */
    static final List<String> ALL = List.of("base", "overlays/dev", "overlays/prod", "overlays/prod-keda");

    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod", "overlays/prod-keda");

    /** The three services, by the name of their Deployment, Service, KafkaUser and container. */
    static final List<String> SERVICES = List.of("router-service", "agent-presence-service", "context-service");

    private static final Map<String, Rendering> CACHE = new LinkedHashMap<>();

    static synchronized Rendering of(String layout) {
        return CACHE.computeIfAbsent(layout, l -> {
            List<HasMetadata> typed = new ArrayList<>();
            for (Map<String, Object> raw : Kustomize.render(K8S.resolve(l))) {
                KubernetesResource resource = Yaml.SERIALIZATION.convertValue(raw, KubernetesResource.class);
                typed.add((HasMetadata) resource);
            }
            return new Rendering(l, List.copyOf(typed));
        });
    }

    static Stream<Rendering> all() {
        return ALL.stream().map(Rendering::of);
    }

    static Stream<Rendering> overlays() {
        return OVERLAYS.stream().map(Rendering::of);
    }

    boolean isBase() {
        return name.equals("base");
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String resourceName) {
        return find(type, resourceName)
                .orElseThrow(() -> new AssertionError(name + " has no " + type.getSimpleName() + " " + resourceName));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String resourceName) {
        return all(type).stream()
                .filter(r -> r.getMetadata().getName().equals(resourceName))
                .findFirst();
    }

    /** Custom resources of one kind ({@code KafkaTopic}, {@code Cluster}...). */
    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals(kind))
                .toList();
    }

    GenericKubernetesResource oneCustom(String kind) {
        List<GenericKubernetesResource> found = custom(kind);
        if (found.size() != 1) {
            throw new AssertionError(name + " should have exactly one " + kind + ", has " + found.size());
        }
        return found.get(0);
    }

    /** Every pod template the manifests define themselves, by workload name. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(Deployment.class)
                .forEach(d ->
                        templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class)
                .forEach(s ->
                        templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    /** A value inside a custom resource, by its path of field names ({@code "spec", "kafka", "listeners"}). */
    @SuppressWarnings("unchecked")
    static <T> T field(GenericKubernetesResource resource, String... path) {
        Object current = resource.getAdditionalProperties();
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return (T) current;
    }

    @Override
    public String toString() {
        return name;
    }
}
