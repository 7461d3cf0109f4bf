package dev.alicia.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.core.type.TypeReference;

/** YAML files as plain trees (maps, lists, scalars), read with the same parser fabric8 uses for manifests. */
final class Yaml {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Yaml() {}

    /** Every non-empty document of a multi-document YAML file. */
    static List<Map<String, Object>> documents(Path file) {
        try {
            return documentsOf(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> documentsOf(String text, String source) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String document : Kustomize.documentSeparator().split(text)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            try {
                documents.add(SERIALIZATION.unmarshal(document, new TypeReference<LinkedHashMap<String, Object>>() {}));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot parse a document of " + source + ": " + e.getMessage(), e);
            }
        }
        return documents;
    }

    /** One YAML document (a contract, a list). */
    static Map<String, Object> document(Path file) {
        List<Map<String, Object>> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " must hold exactly one document");
        }
        return documents.get(0);
    }

    /** A copy that shares nothing with the original, so that patching one rendering never changes another. */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
