package dev.alicia.presence.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.PresenceRuleViolation;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.presence.client.redis.PresenceKeys;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.alicia.presence.api.PresenceTestAccess.available;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reservation primitive as two router instances use it: read the agent, apply the capacity rule, write
 * only if nobody changed the agent meanwhile. Real Redis, real concurrency.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class ReservationConcurrencyTest {

    private static final List<String> AGENTS = List.of("a1", "a2", "a3");
    private static final int CHAT_CAPACITY = 3;

    @Inject
    LivePresenceStore store;

    @Inject
    RedisDataSource redis;

    @Test
    void two_threads_making_a_thousand_reservations_each_never_exceed_any_agents_capacity() throws Exception {
        String tenant = newFloor();
        AtomicInteger won = new AtomicInteger();

        runTwoThreads(thread -> {
            for (int i = 0; i < 1000; i++) {
                if (reserve(tenant, AGENTS.get(i % AGENTS.size()), thread + "-" + i)
                        .isPresent()) {
                    won.incrementAndGet();
                }
            }
        });

        assertThat(won.get()).isEqualTo(AGENTS.size() * CHAT_CAPACITY);
        for (String agent : AGENTS) {
            assertThat(store.find(tenant, agent).orElseThrow().load().count(Channel.CHAT))
                    .isEqualTo(CHAT_CAPACITY);
        }
    }

    @Test
    void with_reservations_and_releases_racing_no_agent_is_ever_seen_over_capacity() throws Exception {
        String tenant = newFloor();
        AtomicInteger reserved = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        AtomicInteger worstSeen = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                for (String agent : AGENTS) {
                    int load = store.find(tenant, agent).orElseThrow().load().total();
                    worstSeen.accumulateAndGet(load, Math::max);
                }
            }
        });
        watcher.start();

        runTwoThreads(thread -> {
            ConcurrentLinkedQueue<String[]> mine = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < 1000; i++) {
                String agent = AGENTS.get(i % AGENTS.size());
                String contact = thread + "-" + i;
                if (reserve(tenant, agent, contact).isPresent()) {
                    reserved.incrementAndGet();
                    mine.add(new String[] {agent, contact});
                }
                if (i % 2 == 1 && !mine.isEmpty()) {
                    String[] held = mine.poll();
                    store.update(tenant, held[0], a -> a.release(held[1], System.currentTimeMillis()));
                    released.incrementAndGet();
                }
            }
        });
        running.set(false);
        watcher.join();

        int stillHeld = AGENTS.stream()
                .mapToInt(
                        agent -> store.find(tenant, agent).orElseThrow().load().total())
                .sum();
        assertThat(worstSeen.get()).isLessThanOrEqualTo(CHAT_CAPACITY);
        assertThat(reserved.get()).isGreaterThan(AGENTS.size() * CHAT_CAPACITY);
        assertThat(stillHeld).isEqualTo(reserved.get() - released.get());
    }

    @Test
    void an_agent_whose_last_chat_is_reserved_leaves_the_routers_query_at_once_and_returns_when_one_is_released() {
        String tenant = newFloor();
        Map<String, Integer> fraud = Map.of("stolen_card", 3);
        for (int i = 0; i < CHAT_CAPACITY - 1; i++) {
            reserve(tenant, "a1", "c-" + i).orElseThrow();
        }
        assertThat(ids(store.eligible(tenant, Channel.CHAT, "fr", fraud, 10))).contains("a1");

        reserve(tenant, "a1", "c-last").orElseThrow();
        assertThat(ids(store.eligible(tenant, Channel.CHAT, "fr", fraud, 10))).containsExactlyInAnyOrder("a2", "a3");
        assertThat(ids(store.eligible(tenant, Channel.CHAT, "en", Map.of(), 10)))
                .containsExactlyInAnyOrder("a2", "a3");

        store.update(tenant, "a1", a -> a.release("c-last", System.currentTimeMillis()));
        assertThat(ids(store.eligible(tenant, Channel.CHAT, "fr", fraud, 10))).contains("a1");
        assertIndexesAgreeWithStates(tenant);
    }

    @Test
    void after_reservations_and_releases_race_every_ready_index_holds_exactly_the_agents_with_room() throws Exception {
        String tenant = newFloor();
        runTwoThreads(thread -> {
            ConcurrentLinkedQueue<String[]> mine = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < 500; i++) {
                String agent = AGENTS.get(i % AGENTS.size());
                Channel channel = i % 7 == 0 ? Channel.VOICE : Channel.CHAT;
                String contact = thread + "-" + i;
                try {
                    store.update(tenant, agent, a -> a.reserve(contact, channel, Long.MAX_VALUE));
                    mine.add(new String[] {agent, contact});
                } catch (PresenceRuleViolation full) {
                    // no room: the index said so too, checked below
                }
                if (i % 3 != 0 && !mine.isEmpty()) {
                    String[] held = mine.poll();
                    store.update(tenant, held[0], a -> a.release(held[1], System.currentTimeMillis()));
                }
            }
        });

        assertIndexesAgreeWithStates(tenant);
    }

    @Test
    void agents_written_before_the_ready_indexes_existed_are_found_by_the_routers_query_once_reindexed() {
        String tenant = newFloor();
        reserve(tenant, "a1", "c-1").orElseThrow();
        Map<String, Integer> fraud = Map.of("stolen_card", 3);
        // Redis as an older version left it: agents and their other indexes, no ready index, no generation mark.
        List<String> ready = redis.key().keys("presence:{" + tenant + "}:ready:*");
        assertThat(ready).isNotEmpty();
        redis.key().del(ready.toArray(String[]::new));
        redis.key().del(PresenceKeys.indexGeneration(tenant));
        assertThat(store.eligible(tenant, Channel.CHAT, "fr", fraud, 10)).isEmpty();

        assertThat(store.reindex(tenant)).isEqualTo(AGENTS.size());

        assertThat(ids(store.eligible(tenant, Channel.CHAT, "fr", fraud, 10)))
                .containsExactlyInAnyOrderElementsOf(AGENTS);
        assertIndexesAgreeWithStates(tenant);
        assertThat(store.find(tenant, "a1").orElseThrow().load().count(Channel.CHAT))
                .isEqualTo(1);
        // Once per generation of indexes: the next start finds the tenant up to date.
        assertThat(store.reindex(tenant)).isZero();
    }

    /** Each agent is in a channel's ready indexes (per language, per skill and language) iff routable on it. */
    private void assertIndexesAgreeWithStates(String tenant) {
        for (String agentId : AGENTS) {
            LiveAgent agent = store.find(tenant, agentId).orElseThrow();
            for (Channel channel : Channel.values()) {
                boolean routable = agent.routableChannels().contains(channel);
                for (String language : agent.languages().keySet()) {
                    assertThat(redis.set(String.class)
                                    .sismember(PresenceKeys.readySpeakers(tenant, channel, language), agentId))
                            .as("%s in ready %s/%s", agentId, channel, language)
                            .isEqualTo(routable);
                    agent.skills()
                            .forEach((skill, level) -> assertThat(redis.sortedSet(String.class)
                                            .zscore(PresenceKeys.ready(tenant, channel, skill, language), agentId))
                                    .as("%s in ready %s/%s/%s", agentId, channel, skill, language)
                                    .isEqualTo(routable ? OptionalDouble.of(level) : OptionalDouble.empty()));
                }
            }
        }
    }

    private static List<String> ids(List<LiveAgent> agents) {
        return agents.stream().map(LiveAgent::agentId).toList();
    }

    private Optional<LiveAgent> reserve(String tenant, String agentId, String contactId) {
        try {
            return store.update(tenant, agentId, a -> a.reserve(contactId, Channel.CHAT, Long.MAX_VALUE))
                    .map(LivePresenceStore.Change::after);
        } catch (PresenceRuleViolation full) {
            return Optional.empty();
        }
    }

    private static String newFloor() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        AGENTS.forEach(agent -> available(tenant, agent));
        return tenant;
    }

    private interface Worker {
        void run(String thread) throws Exception;
    }

    private static void runTwoThreads(Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (String name : new String[] {"router-1", "router-2"}) {
            futures.add(pool.submit(() -> {
                start.await();
                worker.run(name);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }
}
