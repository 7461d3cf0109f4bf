package dev.alicia.kit.messaging;

/**
 * A decoded record and where it came from, with its value as it was read ({@code raw}), for a consumer that keeps
 * the original (an audit log) without writing it again.
 */
public record IncomingRecord<T>(String topic, int partition, long offset, String key, T value, byte[] raw) {}
