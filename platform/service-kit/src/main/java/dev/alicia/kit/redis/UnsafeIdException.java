package dev.alicia.kit.redis;

/**
 * An id that cannot be part of a Redis key ({@link RedisKeys#safe}). It is the caller's input that is wrong, never
 * a transient failure: the REST API answers 400 and a consumer dead-letters the record, instead of a 500 or a record
 * retried forever, whenever an id reaches a key that no validation checked.
 */
public class UnsafeIdException extends IllegalArgumentException {

    public UnsafeIdException() {
        super("an id must be 1-128 letters, digits or ._@+- (not only dots)");
    }
}
