package dev.alicia.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.alicia.adapters.RoutingLedger.Figures;
import dev.alicia.infra.local.LocalSystem;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8, reliability: the whole system as it runs in production (real Kafka, Redis with its append-only file,
 * PostgreSQL, every service a process, two router instances) under a steady load of voice contacts, while something
 * breaks. Each scenario plays a few hundred contacts for its own tenant, to a floor of agents of whom most answer and
 * some never do (their offers time out and go to the next agent), and is judged by what the routers published on
 * {@code routing.events}, read from the beginning: every contact sent is assigned exactly once or explicitly failed,
 * none is lost, none is given to two agents, no agent ever holds two calls, and no reservation is left behind.
 * The figures of each run are written to {@code target/reliability/figures.md} (the table of
 * {@code docs/reliability.md}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    /**
     * Short offer timeouts and wrap-ups so that a scenario lasts seconds, and Kafka sessions that expire in 6 s (the
     * broker's minimum) so that a killed router's partitions move on in seconds rather than the default 45 s.
     */
    static final Map<String, String> SETTINGS = Map.of(
            "ALICIA_ROUTER_OFFER_TIMEOUT", "PT3S",
            "ALICIA_PRESENCE_WRAP_UP", "PT0.3S",
            "ALICIA_ROUTER_LEARNING_HOLDOUT_SHARE", "0",
            "KAFKA_SESSION_TIMEOUT_MS", "6000",
            "KAFKA_HEARTBEAT_INTERVAL_MS", "1000");

    private static final int ANSWERING_AGENTS = 30;
    private static final int SILENT_AGENTS = 6;
    private static final int PER_SECOND = 25;
    private static final int SECOND_ROUTER_PORT = 8083;
    /** How long a broken part stays broken. */
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    /** Every contact is assigned or failed within this once the load has been sent. */
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(90);

    private static LocalSystem system;
    private static RoutingLedger ledger;
    private static String secondRouter;
    private static final Map<String, Figures> FIGURES = new LinkedHashMap<>();
    private static final Map<String, String> NOTES = new LinkedHashMap<>();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    @BeforeAll
    static void startTheSystemWithTwoRouters() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        system = LocalSystem.start(root, Files.createTempDirectory("alicia-faults-"), SETTINGS);
        secondRouter = system.startRouter(SECOND_ROUTER_PORT);
        ledger = new RoutingLedger(system.kafkaBootstrapServers());
    }

    @AfterAll
    static void stop() throws IOException {
        if (ledger != null) {
            ledger.close();
        }
        if (system != null) {
            system.close();
        }
        writeFigures();
    }

    @Test
    @Order(1)
    void a_contact_delivered_two_or_three_times_is_assigned_once() throws Exception {
        Figures figures = play("duplicates", 250, (load, index, contactId) -> {
            // Every contact twice in a row (a producer retry), and every fifth one of two seconds ago once more
            // (a replay after it was routed).
            load.publishContact(contactId);
            load.publishContact(contactId);
            if (index >= 50 && index % 5 == 0) {
                load.publishContact("duplicates-" + RUN + "-" + (index - 50));
            }
        });

        assertExactlyOnce(figures);
        assertThat(assignmentsPerContact("duplicates").values())
                .as("CONTACT_ASSIGNED events per contact")
                .containsOnly(1L);
    }

    @Test
    @Order(2)
    void out_of_order_conversation_events_and_stale_presence_events_change_no_assignment() throws Exception {
        Figures figures = play("out-of-order", 250, (load, index, contactId) -> {
            String tenant = "faults-out-of-order-" + RUN;
            // The contact first, then the bot's conversation about it, newest event first.
            load.publishContact(contactId);
            Instant started = Instant.now().minusSeconds(30);
            List<String> types = List.of("INTENT_DETECTED", "CUSTOMER_MESSAGE", "CONTACT_STARTED");
            for (int i = 0; i < types.size(); i++) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("eventId", "ev-" + UUID.randomUUID());
                event.put("tenantId", tenant);
                event.put("customerId", "customer-" + contactId);
                event.put("contactId", contactId);
                event.put("channel", "VOICEBOT");
                event.put("type", types.get(i));
                event.put("occurredAt", started.plusSeconds(10L - i).toString());
                event.put("text", "je conteste un prélèvement");
                event.put("intent", "billing");
                event.put("language", "fr");
                load.publish(ChannelAdapters.CONVERSATIONS, tenant + ":customer-" + contactId, event);
            }
            // A stale presence event (an old version, from before the agent's current call) saying an answering
            // agent is free: the router must read the agent's live state, not believe the event.
            if (index % 3 == 0) {
                String agentId = "answers-" + (index % ANSWERING_AGENTS);
                Map<String, Object> stale = new LinkedHashMap<>();
                stale.put("eventId", UUID.randomUUID().toString());
                stale.put("tenantId", tenant);
                stale.put("agentId", agentId);
                stale.put("status", "AVAILABLE");
                stale.put("previousStatus", "OFFLINE");
                stale.put("load", Map.of());
                stale.put("routableChannels", List.of("VOICE"));
                stale.put("removed", false);
                stale.put("version", 1);
                stale.put("occurredAt", started.toString());
                load.publish("agent.presence", tenant + ":" + agentId, stale);
            }
        });

        assertExactlyOnce(figures);
    }

    @Test
    @Order(3)
    void a_router_leaving_and_joining_during_load_neither_loses_nor_repeats_a_contact() throws Exception {
        Figures figures = play("rebalance", 500, ContactLoad.Publishing.ONCE, (load, floor) -> {
            awaitSent(load, 50);
            // Stopped as an orchestrator stops it (its consumers leave the groups: partitions move at once), then
            // started again: its consumers join, the partitions move back.
            system.stop(secondRouter);
            NOTES.put("rebalance", "second router stopped after " + load.sent() + " contacts sent");
            system.restart(secondRouter);
            NOTES.merge("rebalance", ", back after " + load.sent(), String::concat);
            return System.currentTimeMillis();
        });

        assertExactlyOnce(figures);
    }

    @Test
    @Order(4)
    void every_contact_is_assigned_exactly_once_when_a_router_is_killed_mid_offer() throws Exception {
        Figures figures = play("kill-router", 300, ContactLoad.Publishing.ONCE, (load, floor) -> {
            awaitSent(load, 100);
            // kill -9 while offers are open (the silent agents hold some for 3 s): nothing of it runs any more.
            system.kill(secondRouter);
            NOTES.put("kill-router", "second router killed (SIGKILL) after " + load.sent() + " contacts sent");
            return System.currentTimeMillis();
        });

        assertExactlyOnce(figures);
    }

    @Test
    @Order(5)
    void no_contact_is_lost_or_assigned_twice_when_the_kafka_broker_restarts_mid_load() throws Exception {
        Figures figures = play("kafka-restart", 300, ContactLoad.Publishing.ONCE, (load, floor) -> {
            awaitSent(load, 100);
            int sentBefore = load.sent();
            long down = System.currentTimeMillis();
            system.stopKafka();
            pause(OUTAGE);
            system.startKafka();
            NOTES.put(
                    "kafka-restart",
                    "broker down " + (System.currentTimeMillis() - down) + " ms (stopping, 5 s down, starting) after "
                            + sentBefore + " contacts sent");
            return System.currentTimeMillis();
        });

        assertExactlyOnce(figures);
    }

    @Test
    @Order(6)
    void the_router_reports_a_redis_outage_recovers_from_it_and_keeps_every_agents_presence() throws Exception {
        String tenant = "faults-redis-restart-" + RUN;
        TenantHttp http = new TenantHttp(tenant, system.tokens().backOffice(tenant));
        String router = LocalSystem.url("router-service");
        AtomicReference<String> health = new AtomicReference<>();
        AtomicReference<String> api = new AtomicReference<>();
        Figures figures = play("redis-restart", 300, ContactLoad.Publishing.ONCE, (load, floor) -> {
            awaitSent(load, 100);
            int sentBefore = load.sent();
            long down = System.currentTimeMillis();
            system.stopRedis();
            // While Redis is away the router says so: not ready (an orchestrator stops sending it traffic), and
            // its API answers with a problem rather than hanging.
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> failure(() -> http.send("GET", router + "/q/health/ready", null)) != null);
            health.set(failure(() -> http.send("GET", router + "/q/health/ready", null)));
            api.set(failure(() -> http.send("GET", router + "/contacts/redis-restart-" + RUN + "-0", null)));
            pause(OUTAGE.minusMillis(System.currentTimeMillis() - down));
            system.startRedis();
            long healed = System.currentTimeMillis();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> failure(() -> http.send("GET", router + "/q/health/ready", null)) == null);
            NOTES.put(
                    "redis-restart",
                    "Redis down " + (healed - down) + " ms after " + sentBefore + " contacts sent; router ready again "
                            + (System.currentTimeMillis() - healed) + " ms after Redis was back");
            return healed;
        });

        assertThat(health.get()).as("readiness while Redis is down").contains("answered 503", "DOWN");
        assertThat(api.get()).as("the API while Redis is down").contains("answered 503", "Service unavailable");
        NOTES.merge(
                "redis-restart",
                "; readiness said: " + abbreviate(health.get()) + "; the API said: " + abbreviate(api.get()),
                String::concat);
        assertExactlyOnce(figures);
    }

    /** What breaks during a scenario; returns when it was over (epoch ms). */
    interface Fault {
        long inject(ContactLoad load, AgentFloor floor) throws Exception;
    }

    private static Figures play(String scenario, int contacts, ContactLoad.Publishing publishing) throws Exception {
        return play(scenario, contacts, publishing, (load, floor) -> -1);
    }

    /**
     * Plays a scenario for a tenant of its own: a floor of agents, {@code contacts} contacts at a steady rate, the
     * fault while they arrive; then waits until every contact is assigned or failed (bounded), and until no agent
     * holds anything any more, and returns the figures.
     */
    private static Figures play(String scenario, int contacts, ContactLoad.Publishing publishing, Fault fault)
            throws Exception {
        String tenant = "faults-" + scenario + "-" + RUN;
        long started = System.nanoTime();
        try (Platform platform = Platform.of(system, tenant);
                AgentDesktop desktop = new AgentDesktop(platform);
                AgentFloor floor = new AgentFloor(platform, desktop, ANSWERING_AGENTS, SILENT_AGENTS)) {
            ledger.listen(tenant, floor::onEvent);
            ContactLoad load = ContactLoad.start(platform, scenario + "-" + RUN, contacts, PER_SECOND, publishing);
            long healedAt = fault.inject(load, floor);
            load.awaitSent(Duration.ofMinutes(2));
            Map<String, Long> sent = load.sentAt();
            Set<String> unsettled = Set.of();
            try {
                await().atMost(SETTLE_BOUND)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> ledger.unsettled(tenant, sent.keySet()).isEmpty());
            } catch (ConditionTimeoutException e) {
                unsettled = ledger.unsettled(tenant, sent.keySet());
            }
            Figures figures = ledger.figures(scenario, tenant, sent, healedAt);
            String leftBehind = awaitEveryAgentFree(floor, platform);
            long orphans = released(tenant, "router stopped");
            long interrupted = released(tenant, "interrupted");
            FIGURES.put(scenario, figures);
            NOTES.merge(
                    scenario,
                    "; " + load.records() + " records published (" + load.retriedPublishes()
                            + " publishes retried), " + floor.retriedCalls() + " desktop calls retried, " + orphans
                            + " orphaned reservations released, " + interrupted
                            + " offers closed half-way finished by the sweeper; "
                            + (System.nanoTime() - started) / 1_000_000_000 + " s",
                    String::concat);
            writeFigures();
            assertThat(unsettled)
                    .as("contacts neither assigned nor failed " + SETTLE_BOUND + " after the load")
                    .isEmpty();
            assertThat(leftBehind)
                    .as("agents not back to AVAILABLE with nothing held (a reservation or a wrap-up left behind)")
                    .isEmpty();
            return figures;
        }
    }

    /**
     * Every offer closes (accepted, or released after its timeout), every call ends and every wrap-up too: each agent
     * is AVAILABLE and holds nothing. Returns what is left otherwise, with the router's view of each contact held.
     */
    private static String awaitEveryAgentFree(AgentFloor floor, Platform platform) {
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> floor.holding().isEmpty()
                            && floor.statuses().values().stream().allMatch("AVAILABLE"::equals));
            return "";
        } catch (ConditionTimeoutException e) {
            StringBuilder left = new StringBuilder();
            floor.statuses().forEach((agent, status) -> {
                if (!status.equals("AVAILABLE")) {
                    left.append(agent).append(' ').append(status).append("; ");
                }
            });
            floor.holding()
                    .forEach((agent, contacts) -> contacts.forEach(contact -> {
                        var view = platform.router("GET", "/contacts/" + contact, null);
                        left.append(agent)
                                .append(" holds ")
                                .append(contact)
                                .append(" (router: ")
                                .append(view.path("status").asText())
                                .append(" with ")
                                .append(view.path("agentId").asText())
                                .append("); ");
                    }));
            return left.toString();
        }
    }

    /** Releases the routers published for a reason other than a timeout or a rejection (the fixes of issue 8). */
    private static long released(String tenant, String reason) {
        return ledger.decisions(tenant).stream()
                .filter(d -> d.type().equals("OFFER_RELEASED") && d.reason().contains(reason))
                .count();
    }

    private static void assertExactlyOnce(Figures figures) {
        assertThat(figures.lost()).as("lost contacts").isZero();
        assertThat(figures.doubleAssigned())
                .as("contacts assigned to two agents")
                .isZero();
        assertThat(figures.agentOverCapacity())
                .as("agents holding two calls at once")
                .isZero();
        assertThat(figures.assigned() + figures.failed()).isEqualTo(figures.sent());
    }

    private static Map<String, Long> assignmentsPerContact(String scenario) {
        Map<String, Long> counts = new HashMap<>();
        for (RoutingLedger.Decision decision : ledger.decisions("faults-" + scenario + "-" + RUN)) {
            if (decision.type().equals("CONTACT_ASSIGNED")) {
                counts.merge(decision.contactId(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static void awaitSent(ContactLoad load, int sent) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> load.sent() >= sent);
    }

    /** The message of the call's failure, or null when it succeeded. */
    private static String failure(Runnable call) {
        try {
            call.run();
            return null;
        } catch (IllegalStateException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** A fault lasts this long on purpose: there is nothing to wait for, the outage is the point. */
    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    }

    private static String abbreviate(String text) {
        String line = String.valueOf(text).replace('\n', ' ');
        return line.length() > 220 ? line.substring(0, 220) + "…" : line;
    }

    private static synchronized void writeFigures() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| scenario | sent | assigned | failed | lost | double-assigned | agent over capacity | offers"
                + " released (timeouts) | median wait (ms) | max wait (ms) | backlog cleared after the fault (ms) |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Figures f : FIGURES.values()) {
            lines.add("| " + f.scenario() + " | " + f.sent() + " | " + f.assigned() + " | " + f.failed() + " | "
                    + f.lost() + " | " + f.doubleAssigned() + " | " + f.agentOverCapacity() + " | "
                    + f.offersReleased() + " | " + f.medianWaitMillis() + " | " + f.maxWaitMillis() + " | "
                    + (f.settledAfterHealMillis() < 0 ? "–" : String.valueOf(f.settledAfterHealMillis())) + " |");
        }
        lines.add("");
        NOTES.forEach((scenario, note) -> lines.add("- " + scenario + ": " + note.replaceFirst("^; ", "")));
        Path out = Path.of("target", "reliability", "figures.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }
}
