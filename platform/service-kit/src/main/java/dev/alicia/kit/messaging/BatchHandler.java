package dev.alicia.kit.messaging;

import java.util.List;

/**
 * Processes the decoded records of one poll at once, so that their writes can be pipelined. Records of one key
 * are in the list in their partition's order. Any exception means none is taken as done: the whole poll is read
 * again, so the handler must be idempotent (as every handler is).
 */
@FunctionalInterface
public interface BatchHandler<T> {

    void handleAll(List<IncomingRecord<T>> records);
}
