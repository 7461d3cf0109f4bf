package dev.alicia.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.alicia.kit.redis.UnsafeIdException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One consumer on one topic, on its own thread. Each record is decoded and handled, then its offset is
 * committed: at-least-once, so handlers are idempotent. A record that can never be processed goes to the
 * dead-letter topic and the partition moves on; any other failure is retried with backoff from the same
 * offset, so an outage delays contacts but never loses them.
 */
public final class ConsumerLoop<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final String topic;
    private final String groupId;
    private final KafkaConsumer<String, byte[]> consumer;
    private final JsonRecordDecoder<T> decoder;
    private final RecordHandler<T> handler;
    private final BatchHandler<T> batchHandler;
    private final Predicate<String> wanted;
    private final EventPublisher publisher;
    private final KafkaLoopConfig config;
    private final Counter handled;
    private final Counter deadLettered;
    private final Counter retried;
    private final Counter skipped;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean healthy = true;

    ConsumerLoop(
            String topic,
            String groupId,
            KafkaConsumer<String, byte[]> consumer,
            JsonRecordDecoder<T> decoder,
            RecordHandler<T> handler,
            BatchHandler<T> batchHandler,
            Predicate<String> wanted,
            EventPublisher publisher,
            KafkaLoopConfig config,
            MeterRegistry registry) {
        this.topic = topic;
        this.groupId = groupId;
        this.consumer = consumer;
        this.decoder = decoder;
        this.handler = handler;
        this.batchHandler = batchHandler;
        this.wanted = wanted;
        this.publisher = publisher;
        this.config = config;
        this.handled = counter(registry, "handled");
        this.deadLettered = counter(registry, "dead-lettered");
        this.retried = counter(registry, "retried");
        this.skipped = counter(registry, "skipped");
        this.thread = new Thread(this::run, "consume-" + topic);
        this.thread.setDaemon(true);
    }

    private Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("alicia.kafka.records")
                .description("Records consumed, by outcome")
                .tag("topic", topic)
                .tag("group", groupId)
                .tag("outcome", outcome)
                .register(registry);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Duration backoff = config.retryInitialBackoff();
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
                boolean failed = batchHandler == null ? processBatch(records) : processAsOneBatch(records);
                if (failed) {
                    healthy = false;
                    sleep(backoff);
                    backoff = min(backoff.multipliedBy(2), config.retryMaxBackoff());
                } else {
                    healthy = true;
                    backoff = config.retryInitialBackoff();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            healthy = false;
            LOG.errorf(e, "consumer of %s stopped", topic);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    /** Handles the records in partition order; returns true when one must be retried. */
    private boolean processBatch(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean failed = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                first.putIfAbsent(partition, record.offset());
                if (!process(record)) {
                    consumer.seek(partition, record.offset());
                    failed = true;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!published(first)) {
            return true;
        }
        commit(done);
        return failed;
    }

    /**
     * What the handlers published while handling the poll is on the broker before the poll counts as done; if
     * not, the poll is read again from its first offsets (handlers are idempotent). Not from the last commit: that
     * asks the broker, which may be the thing that is down, and what came before the poll was flushed already.
     */
    private boolean published(Map<TopicPartition, Long> first) {
        try {
            publisher.flush();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("will read %s again: %s", topic, e.getMessage());
            retried.increment();
            first.forEach(consumer::seek);
            return false;
        }
    }

    /**
     * Dead-letters what cannot be decoded, then hands every decoded record of the poll to the batch handler at
     * once; returns true when the poll must be read again (from its first offsets).
     */
    private boolean processAsOneBatch(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        List<IncomingRecord<T>> decoded = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                first.putIfAbsent(partition, record.offset());
                if (!wanted.test(record.key())) {
                    skipped.increment();
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    continue;
                }
                try {
                    decoded.add(decode(record));
                } catch (InvalidRecordException e) {
                    if (!deadLetter(record, e.getMessage())) {
                        first.forEach(consumer::seek);
                        return true;
                    }
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        try {
            if (!decoded.isEmpty()) {
                batchHandler.handleAll(decoded);
                handled.increment(decoded.size());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "will retry a batch of %d record(s) from %s after a failure", decoded.size(), topic);
            retried.increment();
            first.forEach(consumer::seek);
            return true;
        }
        if (!published(first)) {
            return true;
        }
        commit(done);
        return false;
    }

    private boolean process(ConsumerRecord<String, byte[]> record) {
        if (!wanted.test(record.key())) {
            // Nobody wants it (a live view nobody watches): not even decoded, which is most of a record's cost.
            skipped.increment();
            return true;
        }
        try {
            handler.handle(decode(record));
            handled.increment();
            return true;
        } catch (InvalidRecordException e) {
            return deadLetter(record, e.getMessage());
        } catch (UnsafeIdException e) {
            // An id no validation of the record caught: retrying would stall the partition forever.
            return deadLetter(record, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "will retry %s-%d@%d after a failure", record.topic(), record.partition(), record.offset());
            retried.increment();
            return false;
        }
    }

    private IncomingRecord<T> decode(ConsumerRecord<String, byte[]> record) throws InvalidRecordException {
        return new IncomingRecord<>(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                decoder.decode(record.value()),
                record.value());
    }

    /** Moves the record to the dead-letter topic; if even that fails (broker down), it is retried like any failure. */
    private boolean deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        try {
            publisher.deadLetter(record, groupId, reason);
        } catch (RuntimeException e) {
            LOG.warnf(
                    e,
                    "could not dead-letter %s-%d@%d; will retry",
                    record.topic(),
                    record.partition(),
                    record.offset());
            retried.increment();
            return false;
        }
        LOG.warnf("dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        deadLettered.increment();
        return true;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException e) {
            // The partitions moved to another instance; it re-reads from the last commit, handlers are idempotent.
            LOG.infof("commit on %s skipped after a rebalance", topic);
        } catch (RetriableException e) {
            // The broker is away (a timeout): the next poll's commit covers these offsets, and were this instance
            // to stop first, its successor re-reads them, which idempotent handlers allow. Not a reason to stop.
            LOG.warnf("commit on %s deferred: %s", topic, e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    public String topic() {
        return topic;
    }

    /** False while the loop is retrying a failed record or after it stopped. */
    public boolean healthy() {
        return healthy && thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warnf("consumer of %s did not stop within 10 s", topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
