package dev.alicia.router.scenarios;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alicia.context.client.redis.StoryReader;
import dev.alicia.kit.messaging.ConsumerLoop;
import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.Load;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.messaging.ContactArrived;
import dev.alicia.router.messaging.PresenceChanged;
import dev.alicia.router.service.Decisions;
import dev.alicia.router.service.FloorCensus;
import dev.alicia.router.service.Learning;
import dev.alicia.router.service.Outcomes;
import dev.alicia.router.service.QueueStatistics;
import dev.alicia.router.service.RouterConfig;
import dev.alicia.router.service.RoutingService;
import dev.alicia.router.service.RuleBook;
import dev.alicia.router.store.OutcomeCountsStore;
import dev.alicia.router.store.RouterStore;
import dev.alicia.router.support.ContactCenterFloor;
import dev.alicia.testing.Api;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two router instances share one Kafka, one Redis and one database, as they do in production: each has its own
 * routing service and its own consumers in the {@code router-service} group (the partitions are split between
 * them, and rebalanced while contacts flow). 2,000 chats arrive at once for 40 agents with room for three each;
 * simulated agent desktops accept (or now and then reject) every offer over REST, end the chat, and the agent is
 * freed as the presence service would free them. No contact may be assigned twice or lost, no agent may ever hold
 * more than their capacity.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class TwoRoutersTest {

    private static final int CONTACTS = 2_000;
    private static final int AGENTS = 40;
    private static final int CHAT_CAPACITY = 3;

    @Inject
    LivePresenceStore presence;

    @Inject
    RedisDataSource redis;

    @Inject
    RouterStore store;

    @Inject
    Decisions decisions;

    @Inject
    StoryReader stories;

    @Inject
    RuleBook rules;

    @Inject
    QueueStatistics statistics;

    @Inject
    RouterConfig config;

    @Inject
    Clock clock;

    @Inject
    ConsumerLoops loops;

    @Inject
    javax.sql.DataSource database;

    @TestHTTPResource("/")
    URL router;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void two_routers_never_assign_a_contact_twice_nor_an_agent_beyond_capacity_under_2000_concurrent_chats()
            throws Exception {
        KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();
        ContactCenterFloor floor = new ContactCenterFloor(kafka, presence, redis);
        String tenant = floor.tenant;
        // The second instance shares only Redis, Kafka and the database with the first: its own learning too.
        Learning learning = new Learning(config, new OutcomeCountsStore(redis, clock, config));
        RoutingService second = new RoutingService(
                presence,
                store,
                decisions,
                stories,
                rules,
                statistics,
                config,
                clock,
                learning,
                new Outcomes(store, learning, database, clock),
                new FloorCensus(presence, config));
        AtomicInteger routedBySecond = new AtomicInteger();
        List<ConsumerLoop<?>> secondInstance = List.of(
                loops.startBatch("contacts.inbound", "router-service", ContactArrived.class, batch -> {
                    for (var r : batch) {
                        if (r.value().tenantId().equals(tenant)) {
                            routedBySecond.incrementAndGet();
                        }
                        second.route(r.value());
                    }
                }),
                loops.start("agent.presence", "router-service", PresenceChanged.class, r -> {
                    if (!r.value().removed() && !r.value().routableChannels().isEmpty()) {
                        second.serveAgent(r.value().tenantId(), r.value().agentId());
                    }
                }));
        try (kafka) {
            for (int a = 0; a < AGENTS; a++) {
                chatAgent(floor.tenant, "agent-" + a);
            }
            floor.context("cust", Map.of("language", "fr", "intent", "cards"));
            Desktops desktops = new Desktops(floor, kafka);
            desktops.start();

            for (int c = 0; c < CONTACTS; c++) {
                floor.arrive("chat-" + c, "cust", "CHAT");
            }

            await().atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> desktops.ended.size() == CONTACTS || !desktops.failures.isEmpty());
            desktops.stop();

            assertThat(desktops.failures).isEmpty();
            assertThat(desktops.assignments.values()).hasSize(CONTACTS).allMatch(count -> count.get() == 1);
            assertThat(desktops.mostHeld.values()).allMatch(most -> most <= CHAT_CAPACITY);
            assertThat(desktops.rejected.get()).isPositive();
            // Both instances did their share of the intake.
            assertThat(routedBySecond.get()).isBetween(1, CONTACTS - 1);
            for (int a = 0; a < AGENTS; a++) {
                assertThat(presence.find(floor.tenant, "agent-" + a)
                                .orElseThrow()
                                .load()
                                .total())
                        .isZero();
            }
        } finally {
            secondInstance.forEach(ConsumerLoop::close);
        }
    }

    private void chatAgent(String tenant, String agentId) {
        LiveAgent agent = new LiveAgent(
                tenant,
                agentId,
                "team",
                AgentStatus.AVAILABLE,
                null,
                Map.of("fr", 5),
                Map.of("cards", 1 + Math.floorMod(agentId.hashCode(), 5)),
                Set.of(Channel.CHAT),
                CapacityProfile.standard(),
                Map.of(),
                Load.NONE,
                System.currentTimeMillis(),
                0);
        assertThat(presence.compareAndSet(null, agent)).isPresent();
    }

    /**
     * The agents' desktops: read the offers on routing.events, accept nine in ten over REST (reject the tenth),
     * end each chat at once, then free the agent as agent-presence-service does (end, wrap-up over, announce).
     */
    private final class Desktops {

        final Map<String, AtomicInteger> assignments = new ConcurrentHashMap<>();
        final Set<String> ended = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> mostHeld = new ConcurrentHashMap<>();
        final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger rejected = new AtomicInteger();
        private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
        private final Map<String, String> openOffer = new ConcurrentHashMap<>();
        /** Each agent's token, signed once: an RSA signature per request would slow the desktops down. */
        private final Map<String, String> tokens = new ConcurrentHashMap<>();

        private final ContactCenterFloor floor;
        private final KafkaTestClient kafka;
        private final ExecutorService agents = Executors.newFixedThreadPool(8);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread reader;

        Desktops(ContactCenterFloor floor, KafkaTestClient kafka) {
            this.floor = floor;
            this.kafka = kafka;
        }

        void start() {
            Map<String, Object> settings = new HashMap<>();
            settings.put("bootstrap.servers", RealInfrastructure.kafkaBootstrapServers());
            settings.put("group.id", "desktops-" + UUID.randomUUID());
            settings.put("auto.offset.reset", "earliest");
            KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(ContactCenterFloor.DECISIONS));
            reader = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                            if (record.key().startsWith(floor.tenant + ":")) {
                                JsonNode event = ContactCenterFloor.json(record.value());
                                agents.submit(() -> handle(event));
                            }
                        }
                    }
                }
            });
            reader.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            reader.join();
            agents.shutdown();
            agents.awaitTermination(10, TimeUnit.SECONDS);
        }

        private void handle(JsonNode event) {
            try {
                String contact = event.path("contactId").asText();
                String agent = event.path("agentId").asText();
                switch (event.path("type").asText()) {
                    case "CONTACT_OFFERED" -> offered(contact, agent);
                    case "CONTACT_ASSIGNED" ->
                        assignments
                                .computeIfAbsent(contact, c -> new AtomicInteger())
                                .incrementAndGet();
                    default -> {
                        // queued, released, ended: nothing for a desktop to do
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(e.toString());
            }
        }

        private void offered(String contact, String agent) {
            String earlier = openOffer.putIfAbsent(contact, agent);
            if (earlier != null) {
                failures.add(contact + " offered to " + agent + " while still offered to " + earlier);
                return;
            }
            int now = held.computeIfAbsent(agent, a -> new AtomicInteger()).incrementAndGet();
            mostHeld.merge(agent, now, Math::max);
            if (ThreadLocalRandom.current().nextInt(10) == 0) {
                openOffer.remove(contact);
                held.get(agent).decrementAndGet();
                rejected.incrementAndGet();
                post(contact, "reject", agent, 204);
                return;
            }
            post(contact, "accept", agent, 200);
            openOffer.remove(contact);
            post(contact, "end", agent, 204);
            ended.add(contact);
            held.get(agent).decrementAndGet();
            long at = System.currentTimeMillis();
            LiveAgent free = presence.update(
                            floor.tenant, agent, a -> a.end(contact).wrapUpOver(at))
                    .orElseThrow()
                    .after();
            floor.announce(free);
        }

        private void post(String contact, String action, String agent, int expected) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(router + "contacts/" + contact + "/" + action))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + tokens.computeIfAbsent(
                                                        agent, a -> Api.token(floor.tenant, a, Api.AGENT)))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"agentId\": \"" + agent + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != expected) {
                    failures.add(action + " " + contact + " by " + agent + ": " + response.statusCode() + " "
                            + response.body());
                }
            } catch (java.io.IOException e) {
                failures.add(action + " " + contact + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
