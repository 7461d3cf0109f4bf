package dev.alicia.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-test renderer does what kustomize does for the features it claims, and refuses the others. */
class KustomizeTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: acme/web
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
                      resources:
                        requests: {cpu: 500m, memory: 1Gi}
                    - name: sidecar
                      image: acme/sidecar:1.0
            """;

    @Test
    void a_strategic_merge_patch_merges_containers_and_env_by_name_and_keeps_the_rest() throws IOException {
        write("base/kustomization.yaml", "resources: [web.yaml]\n");
        write("base/web.yaml", DEPLOYMENT);
        write("overlay/kustomization.yaml", "resources: [../base]\npatches:\n  - path: patch.yaml\n");
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          env:
                            - {name: B, value: "20"}
                            - {name: C, value: "3"}
                          resources:
                            requests: {cpu: 100m}
                """);
        Map<String, Object> container =
                containers(Kustomize.render(dir.resolve("overlay")).get(0)).get(0);
        assertThat(container).containsEntry("image", "acme/web");
        assertThat(container.get("env"))
                .isEqualTo(List.of(
                        Map.of("name", "A", "value", "1"),
                        Map.of("name", "B", "value", "20"),
                        Map.of("name", "C", "value", "3")));
        assertThat(container.get("resources")).isEqualTo(Map.of("requests", Map.of("cpu", "100m", "memory", "1Gi")));
    }

    @Test
    void namespace_labels_images_and_replicas_apply_to_what_they_should() throws IOException {
        write("kustomization.yaml", """
                resources: [web.yaml]
                namespace: shop
                labels:
                  - pairs: {team: a}
                    includeTemplates: true
                images:
                  - {name: acme/web, newName: registry.example/acme/web, newTag: "2.0"}
                replicas:
                  - {name: web, count: 5}
                """);
        write("web.yaml", DEPLOYMENT);
        Map<String, Object> web = Kustomize.render(dir).get(0);
        assertThat(at(web, "metadata", "namespace")).isEqualTo("shop");
        assertThat(at(web, "metadata", "labels")).isEqualTo(Map.of("team", "a"));
        assertThat(at(web, "spec", "template", "metadata", "labels")).isEqualTo(Map.of("app", "web", "team", "a"));
        assertThat(at(web, "spec", "replicas")).isEqualTo(5);
        assertThat(containers(web))
                .extracting(c -> c.get("image"))
                .containsExactly("registry.example/acme/web:2.0", "acme/sidecar:1.0");
    }

    @Test
    void a_patch_with_a_target_applies_to_every_matching_resource_and_a_delete_patch_removes_one() throws IOException {
        write("kustomization.yaml", """
                resources: [topics.yaml]
                patches:
                  - path: small.yaml
                    target: {group: kafka.strimzi.io, kind: KafkaTopic}
                  - path: delete.yaml
                """);
        write("topics.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: a}
                spec: {partitions: 12, config: {retention.ms: 1000, min.insync.replicas: 2}}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: b}
                spec: {partitions: 12}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: c}
                spec: {partitions: 12}
                """);
        write("small.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: any}
                spec: {partitions: 4, config: {min.insync.replicas: 1}}
                """);
        write("delete.yaml", """
                $patch: delete
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: c}
                """);
        List<Map<String, Object>> topics = Kustomize.render(dir);
        assertThat(topics).extracting(Kustomize::nameOf).containsExactly("a", "b");
        assertThat(topics)
                .allSatisfy(t -> assertThat(at(t, "spec", "partitions")).isEqualTo(4));
        assertThat(at(topics.get(0), "spec", "config"))
                .isEqualTo(Map.of("retention.ms", 1000, "min.insync.replicas", 1));
    }

    @Test
    void a_field_the_renderer_does_not_implement_fails_the_rendering() throws IOException {
        write("kustomization.yaml", "resources: [web.yaml]\nnamePrefix: dev-\n");
        write("web.yaml", DEPLOYMENT);
        assertThatThrownBy(() -> Kustomize.render(dir))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("namePrefix");
    }

    @Test
    void a_patch_that_matches_nothing_fails_the_rendering() throws IOException {
        write("kustomization.yaml", "resources: [web.yaml]\npatches:\n  - path: patch.yaml\n");
        write("web.yaml", DEPLOYMENT);
        write("patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nginx}\nspec: {replicas: 1}\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("matches no resource");
    }

    @Test
    void the_same_resource_twice_fails_the_rendering() throws IOException {
        write("kustomization.yaml", "resources: [web.yaml, again.yaml]\n");
        write("web.yaml", DEPLOYMENT);
        write("again.yaml", DEPLOYMENT);
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("defined twice");
    }

    @Test
    void image_names_and_tags_are_told_apart_from_registry_ports() {
        assertThat(Kustomize.imageName("registry:5000/acme/web:1.2")).isEqualTo("registry:5000/acme/web");
        assertThat(Kustomize.imageTag("registry:5000/acme/web:1.2")).isEqualTo(":1.2");
        assertThat(Kustomize.imageTag("registry:5000/acme/web")).isEmpty();
        assertThat(Kustomize.imageName("acme/web@sha256:abc")).isEqualTo("acme/web");
    }

    private void write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return (List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers");
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> resource, String... path) {
        Object current = resource;
        for (String step : path) {
            current = ((Map<String, Object>) current).get(step);
        }
        return current;
    }
}
