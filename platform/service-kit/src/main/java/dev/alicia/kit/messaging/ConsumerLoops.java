package dev.alicia.kit.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Starts a service's consumer loops with the shared conventions, and stops them when the application stops. */
@ApplicationScoped
public class ConsumerLoops {

    private final Map<String, Object> kafkaConfig;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final EventPublisher publisher;
    private final KafkaLoopConfig config;
    private final MeterRegistry registry;
    private final List<ConsumerLoop<?>> loops = new CopyOnWriteArrayList<>();

    public ConsumerLoops(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            ObjectMapper mapper,
            Validator validator,
            EventPublisher publisher,
            KafkaLoopConfig config,
            MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.mapper = mapper;
        this.validator = validator;
        this.publisher = publisher;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Consumes {@code topic} as consumer group {@code groupId}: several instances of a service share the
     * partitions, and each partition is handled in order by one of them.
     */
    public <T> ConsumerLoop<T> start(String topic, String groupId, Class<T> type, RecordHandler<T> handler) {
        return start(topic, groupId, type, handler, null);
    }

    /** The same, handing each poll's decoded records to {@code handler} at once (for pipelined writes). */
    public <T> ConsumerLoop<T> startBatch(String topic, String groupId, Class<T> type, BatchHandler<T> handler) {
        return start(topic, groupId, type, null, handler);
    }

    /**
     * Consumes {@code topic} for a live view of this instance alone (SSE to browsers): a consumer group of its own,
     * {@code groupPrefix} and a random id, so every instance reads every partition, from the newest record once the
     * group is joined (a moment after start). A live view has no use for history: what it shows on connecting comes
     * from the stores, not from replaying the topic. Only records whose key someone {@code watches} are decoded and
     * handled: a view nobody looks at costs a poll, not a decode per record.
     */
    public <T> ConsumerLoop<T> startLive(
            String topic, String groupPrefix, Class<T> type, Predicate<String> watches, RecordHandler<T> handler) {
        return start(
                topic,
                groupPrefix + "-" + UUID.randomUUID(),
                type,
                handler,
                null,
                watches,
                Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
    }

    private <T> ConsumerLoop<T> start(
            String topic, String groupId, Class<T> type, RecordHandler<T> handler, BatchHandler<T> batchHandler) {
        return start(topic, groupId, type, handler, batchHandler, key -> true, Map.of());
    }

    private <T> ConsumerLoop<T> start(
            String topic,
            String groupId,
            Class<T> type,
            RecordHandler<T> handler,
            BatchHandler<T> batchHandler,
            Predicate<String> wanted,
            Map<String, Object> overrides) {
        Map<String, Object> consumerConfig = new HashMap<>(KafkaSettings.clientOnly(kafkaConfig));
        consumerConfig.putAll(overrides);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerConfig.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        ConsumerLoop<T> loop = new ConsumerLoop<>(
                topic,
                groupId,
                consumer,
                new JsonRecordDecoder<>(mapper, validator, type),
                handler,
                batchHandler,
                wanted,
                publisher,
                config,
                registry);
        loops.add(loop);
        loop.start();
        return loop;
    }

    public List<ConsumerLoop<?>> all() {
        return List.copyOf(loops);
    }

    @PreDestroy
    void stopAll() {
        loops.forEach(ConsumerLoop::close);
        loops.clear();
    }
}
