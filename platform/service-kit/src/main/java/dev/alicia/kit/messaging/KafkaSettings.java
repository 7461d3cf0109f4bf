package dev.alicia.kit.messaging;

import java.util.Map;
import java.util.stream.Collectors;

/** Filters the Quarkus {@code kafka.*} settings down to what a plain Kafka client accepts. */
final class KafkaSettings {

    private KafkaSettings() {}

    /** Drops Quarkus's own keys (devservices, health, snappy...) that are not client configuration. */
    static Map<String, Object> clientOnly(Map<String, Object> quarkusKafkaConfig) {
        return quarkusKafkaConfig.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("devservices")
                        && !e.getKey().startsWith("health")
                        && !e.getKey().startsWith("snappy"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
