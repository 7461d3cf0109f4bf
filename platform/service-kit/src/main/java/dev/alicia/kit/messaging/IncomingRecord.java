package dev.alicia.kit.messaging;

/** A decoded record and where it came from. */
public record IncomingRecord<T>(String topic, int partition, long offset, String key, T value) {}
