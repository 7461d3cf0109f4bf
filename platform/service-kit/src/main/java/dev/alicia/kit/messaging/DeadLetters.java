package dev.alicia.kit.messaging;

/**
 * The dead-letter convention, the same for every consumer: a record that cannot be decoded or is invalid is
 * copied, key, value and headers untouched, to {@code <topic>.dlq} with these headers added, and the
 * consumer moves on. Documented in {@code docs/asyncapi.yaml}.
 */
public final class DeadLetters {

    public static final String SUFFIX = ".dlq";
    public static final String REASON = "dlq.reason";
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    public static final String CONSUMER_GROUP = "dlq.consumer.group";
    public static final String FAILED_AT = "dlq.failed.at";

    private DeadLetters() {}

    public static String topicFor(String topic) {
        return topic + SUFFIX;
    }
}
