package dev.alicia.kit.messaging;

/** Processes one decoded record; returns only when its effects (writes, published events) are durable. */
@FunctionalInterface
public interface RecordHandler<T> {

    void handle(IncomingRecord<T> record) throws InvalidRecordException;
}
