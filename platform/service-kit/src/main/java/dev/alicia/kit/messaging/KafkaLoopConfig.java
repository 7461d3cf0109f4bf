package dev.alicia.kit.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How every service's Kafka consumer loops poll and retry. */
@ConfigMapping(prefix = "alicia.kafka")
public interface KafkaLoopConfig {

    /** How long one poll waits for records when the topic is idle. */
    @WithDefault("100ms")
    Duration pollTimeout();

    /** Most records handled between two commits. */
    @WithDefault("500")
    int maxPollRecords();

    /** First pause after a failure that may be transient (a store unreachable); doubles up to the maximum. */
    @WithDefault("50ms")
    Duration retryInitialBackoff();

    /** Longest pause between two attempts on the same record. */
    @WithDefault("5s")
    Duration retryMaxBackoff();
}
