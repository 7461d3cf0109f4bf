package dev.alicia.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test's own view of the real broker: it publishes as an adapter would and reads what the services
 * published. Each read uses a fresh consumer group from the earliest offset, so tests pick their records
 * out by key or content and never depend on what other tests left on a topic.
 */
public final class KafkaTestClient implements AutoCloseable, AfterAllCallback {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<String> broker;
    private String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;

    private KafkaTestClient(Supplier<String> broker) {
        this.broker = broker;
    }

    /** A client of the broker at {@code bootstrapServers}. */
    public KafkaTestClient(String bootstrapServers) {
        this(() -> bootstrapServers);
    }

    /**
     * A test class's client of the broker started by {@link RealInfrastructure}: it connects on first use (the
     * broker is up by then) and closes once the class's tests are done -
     * {@code @RegisterExtension static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();}.
     */
    public static KafkaTestClient forRealInfrastructure() {
        return new KafkaTestClient(RealInfrastructure::kafkaBootstrapServers);
    }

    private synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = broker.get();
        }
        return bootstrapServers;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put("bootstrap.servers", bootstrapServers());
            config.put("acks", "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public RecordMetadata send(String topic, String key, String value) {
        return sendBytes(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes {@code value} as it is (any bytes, or null for a tombstone); returns where it landed. */
    public RecordMetadata sendBytes(String topic, String key, byte[] value) {
        try {
            return producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    /** Waits for the first record on {@code topic} that matches, or fails after 30 s. */
    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecords(topic, match, 1, DEFAULT_TIMEOUT).get(0);
    }

    /**
     * Waits until {@code count} matching records were read from {@code topic}, or fails at the timeout. Tombstones
     * (no value) and records without a key are skipped: the poison-message tests leave some on shared topics, and a
     * test's predicate reads keys and values as text ({@link #readRawRecords} sees everything).
     */
    public List<ConsumerRecord<String, String>> awaitRecords(
            String topic, Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = newConsumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.key() != null && record.value() != null && match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + " but read " + found.size());
        }
        return found;
    }

    /**
     * Reads the matching records of {@code topic} with their values as published, byte for byte (a dead letter keeps
     * what could not be read as text), until {@code count} were read or the timeout passed: fewer when it passed.
     */
    public List<ConsumerRecord<String, byte[]>> readRawRecords(
            String topic, Predicate<ConsumerRecord<String, byte[]>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Waits until consumer group {@code group} has committed past {@code record}: the record was processed (or
     * dead-lettered) and the partition moved on; fails at the timeout.
     */
    public void awaitCommittedPast(String group, RecordMetadata record, Duration timeout) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long committed = -1;
            while (System.nanoTime() < deadline) {
                OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                committed = offset == null ? -1 : offset.offset();
                if (committed > record.offset()) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("group " + group + " did not commit past " + partition + "@" + record.offset()
                    + " within " + timeout + " (committed: " + committed + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the offsets of " + group, e.getCause());
        }
    }

    /** The value of a header as text, if present. */
    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    private KafkaConsumer<String, String> newConsumer() {
        return new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer());
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers());
        config.put("group.id", "test-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("enable.auto.commit", "false");
        return config;
    }

    @Override
    public synchronized void close() {
        if (producer == null) {
            return;
        }
        producer.close(Duration.ofSeconds(5));
        producer = null;
    }
}
