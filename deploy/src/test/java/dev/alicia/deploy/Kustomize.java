package dev.alicia.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of Kustomize these manifests use:
 * {@code resources} (files and directories), {@code components}, {@code patches} (strategic-merge, with or without
 * a {@code target}, {@code $patch: delete}), {@code namespace}, {@code labels} (without selectors), {@code images}
 * and {@code replicas}. Anything else in a kustomization fails the rendering rather than being silently ignored, so
 * a manifest that needs the real tool cannot pass these tests unchecked.
 *
 * <p>Strategic merge follows Kubernetes' merge keys for the built-in kinds (containers, env and volumes by name,
 * volume mounts by path, ports by number); custom resources are merged as JSON merge patches (lists replaced), as
 * Kustomize does for kinds it has no schema for.
 */
final class Kustomize {

    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of(
            "apiVersion", "kind", "resources", "components", "patches", "namespace", "labels", "images", "replicas");
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "CustomResourceDefinition",
            "ClusterRole",
            "ClusterRoleBinding",
            "PersistentVolume",
            "StorageClass",
            "PriorityClass",
            "ClusterTriggerAuthentication");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name",
            "volumeClaimTemplates", "__replace__");
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private Kustomize() {}

    /** The resources {@code kubectl kustomize dir} would print, in order. */
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> kustomization = kustomization(dir);
        String kind = (String) kustomization.getOrDefault("kind", "Kustomization");
        if (!kind.equals("Kustomization")) {
            throw new IllegalArgumentException(dir + " is a " + kind + ", not a Kustomization");
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String entry : strings(kustomization.get("resources"))) {
            resources.addAll(load(dir.resolve(entry)));
        }
        for (String entry : strings(kustomization.get("components"))) {
            applyComponent(dir.resolve(entry).normalize(), resources);
        }
        transform(dir, kustomization, resources);
        checkUnique(dir, resources);
        return resources;
    }

    private static void applyComponent(Path dir, List<Map<String, Object>> resources) {
        Map<String, Object> component = kustomization(dir);
        if (!"Component".equals(component.get("kind"))) {
            throw new IllegalArgumentException(dir + " is listed as a component but is not a kind: Component");
        }
        for (String entry : strings(component.get("resources"))) {
            resources.addAll(load(dir.resolve(entry)));
        }
        transform(dir, component, resources);
    }

    private static void transform(Path dir, Map<String, Object> kustomization, List<Map<String, Object>> resources) {
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            applyPatch(dir, patch, resources);
        }
        String namespace = (String) kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                if (!CLUSTER_SCOPED.contains(kindOf(resource))) {
                    metadata(resource).put("namespace", namespace);
                }
            }
        }
        for (Map<String, Object> labels : maps(kustomization.get("labels"))) {
            applyLabels(dir, labels, resources);
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            applyImage(image, resources);
        }
        for (Map<String, Object> replicas : maps(kustomization.get("replicas"))) {
            boolean found = false;
            for (Map<String, Object> resource : resources) {
                if (WORKLOADS.contains(kindOf(resource)) && nameOf(resource).equals(replicas.get("name"))) {
                    child(resource, "spec").put("replicas", replicas.get("count"));
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException(dir + ": replicas for unknown workload " + replicas.get("name"));
            }
        }
    }

    private static Map<String, Object> kustomization(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        List<Map<String, Object>> documents = Yaml.documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " must hold one document");
        }
        Map<String, Object> kustomization = documents.get(0);
        for (String field : kustomization.keySet()) {
            if (!KUSTOMIZATION_FIELDS.contains(field)) {
                throw new UnsupportedOperationException(
                        file + ": field '" + field + "' is not supported by this renderer; extend it or use kustomize");
            }
        }
        return kustomization;
    }

    private static List<Map<String, Object>> load(Path path) {
        if (Files.isDirectory(path)) {
            return render(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new UncheckedIOException(new IOException("resource not found: " + path));
        }
        return Yaml.documents(path);
    }

    private static void applyPatch(Path dir, Map<String, Object> entry, List<Map<String, Object>> resources) {
        if (entry.containsKey("options")) {
            throw new UnsupportedOperationException(dir + ": patch options are not supported");
        }
        List<Map<String, Object>> patches;
        if (entry.get("path") != null) {
            patches = Yaml.documents(dir.resolve((String) entry.get("path")));
        } else if (entry.get("patch") != null) {
            patches = Yaml.documentsOf((String) entry.get("patch"), dir + " inline patch");
        } else {
            throw new IllegalArgumentException(dir + ": a patch needs a path or a patch");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) entry.get("target");
        for (Map<String, Object> patch : patches) {
            if (patch.containsKey("op") || patch.get("kind") == null) {
                throw new UnsupportedOperationException(dir + ": only strategic-merge patches are supported");
            }
            List<Map<String, Object>> targets = new ArrayList<>();
            for (Map<String, Object> resource : resources) {
                if (target == null ? sameObject(resource, patch) : selects(target, resource)) {
                    targets.add(resource);
                }
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException(dir + ": patch " + kindOf(patch) + "/" + nameOf(patch)
                        + (target == null ? "" : " (target " + target + ")") + " matches no resource");
            }
            for (Map<String, Object> resource : targets) {
                if ("delete".equals(patch.get("$patch"))) {
                    resources.remove(resource);
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>(patch);
                body.remove("apiVersion");
                body.remove("kind");
                if (target != null) {
                    body.remove("metadata");
                }
                merge(resource, body, builtIn(resource));
            }
        }
    }

    private static boolean sameObject(Map<String, Object> resource, Map<String, Object> patch) {
        return kindOf(resource).equals(kindOf(patch))
                && group(resource).equals(group(patch))
                && nameOf(resource).equals(nameOf(patch));
    }

    private static boolean selects(Map<String, Object> target, Map<String, Object> resource) {
        for (Map.Entry<String, Object> criterion : target.entrySet()) {
            String wanted = String.valueOf(criterion.getValue());
            boolean matches = switch (criterion.getKey()) {
                case "group" -> group(resource).equals(wanted);
                case "version" -> version(resource).equals(wanted);
                case "kind" -> kindOf(resource).equals(wanted);
                case "name" -> nameOf(resource).matches(wanted);
                case "labelSelector" -> labelsMatch(wanted, resource);
                default ->
                    throw new UnsupportedOperationException(
                            "patch target field '" + criterion.getKey() + "' is not supported");
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static boolean labelsMatch(String selector, Map<String, Object> resource) {
        Map<String, Object> labels = child(metadata(resource), "labels");
        for (String term : selector.split(",")) {
            String[] pair = term.trim().split("=", 2);
            if (pair.length != 2 || !pair[1].equals(labels.get(pair[0]))) {
                return false;
            }
        }
        return true;
    }

    /** Strategic merge (built-in kinds) or JSON merge patch (custom resources) of {@code patch} into {@code base}. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> base, Map<String, Object> patch, boolean strategic) {
        for (Map.Entry<String, Object> field : patch.entrySet()) {
            String key = field.getKey();
            Object value = field.getValue();
            if (key.startsWith("$")) {
                throw new UnsupportedOperationException("directive " + key + " is not supported inside a patch");
            }
            if (value == null) {
                base.remove(key);
            } else if (value instanceof Map<?, ?> patchMap && base.get(key) instanceof Map<?, ?> baseMap) {
                merge((Map<String, Object>) baseMap, (Map<String, Object>) patchMap, strategic);
            } else if (value instanceof List<?> patchList
                    && base.get(key) instanceof List<?> baseList
                    && strategic
                    && MERGE_KEYS.containsKey(key)
                    && !MERGE_KEYS.get(key).equals("__replace__")) {
                base.put(key, mergeList((List<Object>) baseList, (List<Object>) patchList, MERGE_KEYS.get(key)));
            } else {
                base.put(key, Yaml.deepCopy(value));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mergeList(List<Object> base, List<Object> patch, String mergeKey) {
        List<Object> merged = new ArrayList<>(base);
        for (Object item : patch) {
            Map<String, Object> patchItem = (Map<String, Object>) item;
            Object key = patchItem.get(mergeKey);
            Map<String, Object> existing = null;
            for (Object candidate : merged) {
                if (Objects.equals(((Map<String, Object>) candidate).get(mergeKey), key)) {
                    existing = (Map<String, Object>) candidate;
                }
            }
            if ("delete".equals(patchItem.get("$patch"))) {
                merged.remove(existing);
            } else if (existing == null) {
                merged.add(Yaml.deepCopy(patchItem));
            } else {
                merge(existing, patchItem, true);
            }
        }
        return merged;
    }

    private static void applyLabels(Path dir, Map<String, Object> labels, List<Map<String, Object>> resources) {
        if (Boolean.TRUE.equals(labels.get("includeSelectors"))) {
            throw new UnsupportedOperationException(dir + ": labels with includeSelectors are not supported");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> pairs = (Map<String, Object>) labels.get("pairs");
        boolean templates = Boolean.TRUE.equals(labels.get("includeTemplates"));
        for (Map<String, Object> resource : resources) {
            child(metadata(resource), "labels").putAll(pairs);
            if (templates && WORKLOADS.contains(kindOf(resource))) {
                child(child(child(child(resource, "spec"), "template"), "metadata"), "labels")
                        .putAll(pairs);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyImage(Map<String, Object> image, List<Map<String, Object>> resources) {
        String name = (String) image.get("name");
        for (Map<String, Object> resource : resources) {
            if (!WORKLOADS.contains(kindOf(resource))) {
                continue;
            }
            Map<String, Object> podSpec = child(child(child(resource, "spec"), "template"), "spec");
            for (String list : List.of("containers", "initContainers")) {
                for (Object item : (List<Object>) podSpec.getOrDefault(list, List.of())) {
                    Map<String, Object> container = (Map<String, Object>) item;
                    String current = (String) container.get("image");
                    if (current == null || !imageName(current).equals(name)) {
                        continue;
                    }
                    String newName = (String) image.getOrDefault("newName", name);
                    String tag = image.get("newTag") != null ? ":" + image.get("newTag") : imageTag(current);
                    String digest = (String) image.get("digest");
                    container.put("image", digest != null ? newName + "@" + digest : newName + tag);
                }
            }
        }
    }

    /** The image reference without its tag or digest ({@code registry:5000/a/b:1.0} gives {@code registry:5000/a/b}). */
    static String imageName(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    /** The image's {@code :tag}, or an empty string. */
    static String imageTag(String image) {
        return image.substring(imageName(image).length()).replaceFirst("@.*", "");
    }

    private static void checkUnique(Path dir, List<Map<String, Object>> resources) {
        Set<String> seen = new java.util.HashSet<>();
        for (Map<String, Object> resource : resources) {
            String id = group(resource) + "/" + kindOf(resource) + "/"
                    + metadata(resource).get("namespace") + "/" + nameOf(resource);
            if (!seen.add(id)) {
                throw new IllegalArgumentException(dir + ": " + id + " is defined twice");
            }
        }
    }

    private static boolean builtIn(Map<String, Object> resource) {
        String group = group(resource);
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    static String kindOf(Map<String, Object> resource) {
        return String.valueOf(resource.get("kind"));
    }

    static String nameOf(Map<String, Object> resource) {
        return String.valueOf(metadata(resource).get("name"));
    }

    private static String group(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static String version(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    private static Map<String, Object> metadata(Map<String, Object> resource) {
        return child(resource, "metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value != null) {
            for (Object item : (List<?>) value) {
                result.add((String) item);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (value != null) {
            for (Object item : (List<?>) value) {
                result.add((Map<String, Object>) item);
            }
        }
        return result;
    }

    static Pattern documentSeparator() {
        return DOCUMENT_SEPARATOR;
    }
}
