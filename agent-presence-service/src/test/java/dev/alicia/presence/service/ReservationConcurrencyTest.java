package dev.alicia.presence.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import dev.alicia.testing.RealInfrastructure;
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
