package dev.alicia.adapters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The auditor of the fault tests: reads {@code routing.events} from the beginning, as its own consumer group, and
 * keeps every decision about every contact. What it counts is what the router published, not what the test hoped:
 * a contact is assigned when a {@code CONTACT_ASSIGNED} names it, explicitly failed on {@code CONTACT_FAILED}, and
 * lost when neither came. It also hands each event to the agent desktops of the event's tenant.
 */
final class RoutingLedger implements AutoCloseable {

    /** One decision as read: its type, the contact, the agent it names (if any) and when the router took it. */
    record Decision(String type, String contactId, String agentId, long at, String reason) {}

    private final Map<String, List<Decision>> byTenant = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> listeners = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Thread reader;

    RoutingLedger(String kafkaBootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafkaBootstrap);
        config.put("group.id", "fault-ledger-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("fetch.max.wait.ms", "20");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("routing.events"));
        reader = new Thread(() -> read(consumer), "routing-ledger");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (reading.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    JsonNode event = parse(record.value());
                    String tenant = event.path("tenantId").asText();
                    byTenant.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>())
                            .add(new Decision(
                                    event.path("type").asText(),
                                    event.path("contactId").asText(),
                                    event.hasNonNull("agentId")
                                            ? event.path("agentId").asText()
                                            : null,
                                    Instant.parse(event.path("occurredAt").asText())
                                            .toEpochMilli(),
                                    event.path("reason").asText()));
                    Consumer<JsonNode> listener = listeners.get(tenant);
                    if (listener != null) {
                        listener.accept(event);
                    }
                }
            }
        }
    }

    /** Every decision about the tenant's contacts is also handed to {@code listener} (the desktops), as read. */
    void listen(String tenantId, Consumer<JsonNode> listener) {
        listeners.put(tenantId, listener);
    }

    List<Decision> decisions(String tenantId) {
        return List.copyOf(byTenant.getOrDefault(tenantId, List.of()));
    }

    /** The contacts among {@code contactIds} that are neither assigned nor explicitly failed yet. */
    Set<String> unsettled(String tenantId, Collection<String> contactIds) {
        Set<String> open = new LinkedHashSet<>(contactIds);
        for (Decision decision : decisions(tenantId)) {
            if (decision.type().equals("CONTACT_ASSIGNED") || decision.type().equals("CONTACT_FAILED")) {
                open.remove(decision.contactId());
            }
        }
        return open;
    }

    /**
     * The figures of a scenario: {@code sent} maps each contact published to when it was first published (ms).
     * Double assignment is counted two ways: a contact assigned to two agents, and an agent holding two voice
     * contacts at once (from assignment to end; an agent's capacity is one voice contact).
     */
    Figures figures(String scenario, String tenantId, Map<String, Long> sent, long healedAt) {
        Map<String, Set<String>> assignedTo = new HashMap<>();
        Map<String, Long> assignedAt = new HashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        Map<String, List<long[]>> held = new HashMap<>();
        Map<String, Long> heldSince = new HashMap<>();
        int released = 0;
        List<Decision> decisions = new ArrayList<>(decisions(tenantId));
        decisions.sort(Comparator.comparingLong(Decision::at));
        for (Decision decision : decisions) {
            switch (decision.type()) {
                case "CONTACT_ASSIGNED" -> {
                    assignedTo
                            .computeIfAbsent(decision.contactId(), c -> new LinkedHashSet<>())
                            .add(decision.agentId());
                    assignedAt.putIfAbsent(decision.contactId(), decision.at());
                    heldSince.putIfAbsent(decision.agentId() + "|" + decision.contactId(), decision.at());
                }
                case "CONTACT_ENDED" -> {
                    Long since = heldSince.remove(decision.agentId() + "|" + decision.contactId());
                    if (since != null) {
                        held.computeIfAbsent(decision.agentId(), a -> new ArrayList<>())
                                .add(new long[] {since, decision.at()});
                    }
                }
                case "CONTACT_FAILED" -> failed.add(decision.contactId());
                case "OFFER_RELEASED" -> released++;
                default -> {
                    // queued, offered, widened...: steps on the way, not outcomes
                }
            }
        }
        // Contacts assigned and not ended (yet) are held until the end of the run.
        heldSince.forEach(
                (key, since) -> held.computeIfAbsent(key.substring(0, key.indexOf('|')), a -> new ArrayList<>())
                        .add(new long[] {since, Long.MAX_VALUE}));
        int overCapacity = 0;
        for (List<long[]> spans : held.values()) {
            spans.sort(Comparator.comparingLong(span -> span[0]));
            for (int i = 1; i < spans.size(); i++) {
                if (spans.get(i)[0] < spans.get(i - 1)[1]) {
                    overCapacity++;
                }
            }
        }
        int assigned = 0;
        int doubleAssigned = 0;
        long maxWait = 0;
        long lastAssignment = 0;
        List<Long> waits = new ArrayList<>();
        for (Map.Entry<String, Long> contact : sent.entrySet()) {
            Set<String> agents = assignedTo.get(contact.getKey());
            if (agents != null) {
                assigned++;
                long wait = assignedAt.get(contact.getKey()) - contact.getValue();
                waits.add(wait);
                maxWait = Math.max(maxWait, wait);
                lastAssignment = Math.max(lastAssignment, assignedAt.get(contact.getKey()));
                if (agents.size() > 1) {
                    doubleAssigned++;
                }
            }
        }
        int explicitlyFailed = (int) sent.keySet().stream()
                .filter(c -> failed.contains(c) && !assignedTo.containsKey(c))
                .count();
        waits.sort(Long::compare);
        long median = waits.isEmpty() ? 0 : waits.get(waits.size() / 2);
        return new Figures(
                scenario,
                sent.size(),
                assigned,
                explicitlyFailed,
                sent.size() - assigned - explicitlyFailed,
                doubleAssigned,
                overCapacity,
                released,
                median,
                maxWait,
                healedAt <= 0 ? -1 : Math.max(0, lastAssignment - healedAt));
    }

    /**
     * What a scenario ends with. {@code settledAfterHealMillis}: from the moment the fault was over (the broker or
     * Redis back, the router killed) to the last assignment of the run, i.e. until the backlog was cleared.
     */
    record Figures(
            String scenario,
            int sent,
            int assigned,
            int failed,
            int lost,
            int doubleAssigned,
            int agentOverCapacity,
            int offersReleased,
            long medianWaitMillis,
            long maxWaitMillis,
            long settledAfterHealMillis) {}

    private static JsonNode parse(String json) {
        try {
            return Platform.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("routing.events holds a record that is not JSON", e);
        }
    }

    @Override
    public void close() {
        reading.set(false);
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
