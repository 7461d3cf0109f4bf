package dev.alicia.context.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.context.client.model.Emotion;
import dev.alicia.context.client.model.Register;
import dev.alicia.context.client.model.StoryEvent;
import dev.alicia.context.domain.EmotionDetector;
import dev.alicia.context.domain.EmotionReading;
import dev.alicia.context.messaging.ConversationEvent;
import dev.alicia.context.persistence.CustomerIdentity;
import dev.alicia.context.store.CustomerContextStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Adds an event to the right customer's story, from Kafka or REST alike: resolves who the customer is (their id,
 * else the channel identity they used), reads their feeling and register from their words when the channel did
 * not, and appends it once.
 */
@ApplicationScoped
public class ContextIngestion {

    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

    private final CustomerContextStore store;
    private final EmotionDetector detector = new EmotionDetector();

    public ContextIngestion(CustomerContextStore store) {
        this.store = store;
    }

    /** Returns true when appended, false for an event already in the story. */
    public boolean ingest(ConversationEvent event) {
        return store.append(event.tenantId(), story(event));
    }

    /**
     * Ingests a batch (a Kafka poll) with the appends in flight together: one customer's events are appended one
     * after the other, in the batch's order; different customers' at the same time.
     */
    public void ingestAll(List<ConversationEvent> events) {
        Map<String, List<StoryEvent>> byCustomer = new LinkedHashMap<>();
        Map<String, String> tenantOf = new HashMap<>();
        for (ConversationEvent event : events) {
            StoryEvent story = story(event);
            String key = event.tenantId() + "/" + story.customerId();
            byCustomer.computeIfAbsent(key, k -> new ArrayList<>()).add(story);
            tenantOf.put(key, event.tenantId());
        }
        List<Uni<Void>> chains = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((key, stories) -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (StoryEvent story : stories) {
                chain = chain.chain(
                        () -> store.appendAsync(tenantOf.get(key), story).replaceWithVoid());
            }
            chains.add(chain);
        });
        if (!chains.isEmpty()) {
            Uni.join().all(chains).andFailFast().await().atMost(BATCH_TIMEOUT);
        }
    }

    private StoryEvent story(ConversationEvent event) {
        String customerId = resolve(event);
        String language = event.language();
        Emotion emotion = event.emotion();
        Double intensity = event.emotionIntensity();
        Register register = null;
        if (StoryEvent.customerWords(event.type(), event.text())) {
            EmotionReading reading = detector.read(event.text(), language);
            language = language != null ? language : reading.language();
            register = reading.register();
            if (emotion == null) {
                emotion = reading.emotion();
                intensity = reading.intensity();
            }
        }
        return new StoryEvent(
                event.eventId(),
                customerId,
                event.contactId(),
                event.channel(),
                event.type(),
                event.occurredAt(),
                language,
                event.text(),
                event.intent(),
                event.confidence(),
                event.entities(),
                emotion,
                intensity,
                register,
                event.outcome(),
                event.agentId());
    }

    /** Our id for the customer; an identity nobody claimed yet gets a stable provisional id of its own. */
    private String resolve(ConversationEvent event) {
        if (event.customerId() != null) {
            return event.customerId();
        }
        ConversationEvent.ChannelIdentity identity = event.identity();
        return store.customerOfIdentity(event.tenantId(), identity.type(), identity.value())
                .or(() -> QuarkusTransaction.joiningExisting()
                        .call(() -> CustomerIdentity.find(event.tenantId(), identity.type(), identity.value()))
                        .map(known -> known.customerId))
                .orElseGet(() -> "anon-" + digest(identity.type() + ":" + identity.value()));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
