package dev.alicia.kit.messaging;

/**
 * The record can never be processed as it is (undecodable, a field invalid, a reference that cannot exist):
 * it goes to the dead-letter topic with this reason. Any other exception is treated as transient and the
 * record is retried, so that an outage never turns into lost contacts.
 */
public class InvalidRecordException extends Exception {

    public InvalidRecordException(String reason) {
        super(reason, null, false, false);
    }
}
