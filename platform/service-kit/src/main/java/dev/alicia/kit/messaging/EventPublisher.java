package dev.alicia.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a service's events as JSON, keyed as the contract says, through one idempotent producer
 * ({@code acks=all}), so a retried send never duplicates a record in a partition.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper mapper;
    private final java.util.concurrent.atomic.AtomicReference<Exception> failure =
            new java.util.concurrent.atomic.AtomicReference<>();

    public EventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ObjectMapper mapper) {
        this.mapper = mapper;
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientOnly(kafkaConfig));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "1");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the event; the future completes once the broker has it. */
    public CompletableFuture<RecordMetadata> publish(String topic, String key, Object event) {
        return send(new ProducerRecord<>(topic, key, toJson(event)));
    }

    /**
     * Waits until the broker has every event sent so far (by any caller); throws if one of them could not be
     * delivered since the last flush. Consumer loops flush before committing their input, so events sent with
     * {@link #publish} while handling a poll are on the broker before the poll counts as done.
     */
    public void flush() {
        producer.flush();
        Exception failed = failure.getAndSet(null);
        if (failed != null) {
            throw new IllegalStateException("an event could not be published: " + failed.getMessage(), failed);
        }
    }

    /** Sends the event and waits until the broker has it, so a caller may commit its input afterwards. */
    public RecordMetadata publishAndWait(String topic, String key, Object event) {
        return await(publish(topic, key, event));
    }

    /** Copies a record the consumer cannot process to {@code <topic>.dlq}, with the reason in headers. */
    void deadLetter(ConsumerRecord<String, byte[]> record, String groupId, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(
                DeadLetters.topicFor(record.topic()), null, record.key(), record.value(), record.headers());
        dead.headers()
                .add(DeadLetters.REASON, utf8(reason))
                .add(DeadLetters.ORIGINAL_TOPIC, utf8(record.topic()))
                .add(DeadLetters.ORIGINAL_PARTITION, utf8(String.valueOf(record.partition())))
                .add(DeadLetters.ORIGINAL_OFFSET, utf8(String.valueOf(record.offset())))
                .add(DeadLetters.CONSUMER_GROUP, utf8(groupId))
                .add(DeadLetters.FAILED_AT, utf8(Instant.now().toString()));
        await(send(dead));
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.set(error);
                result.completeExceptionally(error);
            } else {
                result.complete(metadata);
            }
        });
        return result;
    }

    private byte[] toJson(Object event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "event cannot be written as JSON: " + event.getClass().getSimpleName(), e);
        }
    }

    private static RecordMetadata await(Future<RecordMetadata> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing failed", e.getCause());
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
