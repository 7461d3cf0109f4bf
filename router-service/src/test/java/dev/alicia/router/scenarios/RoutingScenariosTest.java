package dev.alicia.router.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.messaging.ContactArrived;
import dev.alicia.router.messaging.RoutingEvent;
import dev.alicia.router.service.Sweeper;
import dev.alicia.router.store.ContactState;
import dev.alicia.router.store.RouterStore;
import dev.alicia.router.store.SideWrites;
import dev.alicia.router.support.ContactCenterFloor;
import dev.alicia.router.support.TestClock;
import dev.alicia.testing.Api;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The router's promises, through its public interfaces over real Kafka, Redis and PostgreSQL: contacts arrive on
 * Kafka, agents answer over REST, presence changes arrive on Kafka; time moves by the test's clock, and the
 * periodic sweep is off (the test sweeps when time has passed).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class RoutingScenariosTest {

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    LivePresenceStore presence;

    @Inject
    RedisDataSource redis;

    @Inject
    TestClock clock;

    @Inject
    Sweeper sweeper;

    @Inject
    RouterStore store;

    private ContactCenterFloor floor;

    @BeforeEach
    void newFloor() {
        floor = new ContactCenterFloor(kafka, presence, redis);
    }

    @Test
    void alicias_stolen_card_call_reaches_the_french_fraud_agent_best_at_reassuring_with_the_voicebots_story() {
        fraudRule();
        floor.agent("john", Map.of("en", 5), Map.of("stolen_card", 5), Map.of("empathy", 1.0));
        floor.agent("luc", Map.of("fr", 5), Map.of("stolen_card", 5), Map.of("empathy", 0.3));
        floor.agent("camille", Map.of("fr", 5), Map.of("stolen_card", 5), Map.of("empathy", 0.95));
        floor.agent("lea", Map.of("fr", 5), Map.of("stolen_card", 2), Map.of("empathy", 1.0));
        floor.context(
                "cust-alicia",
                Map.of(
                        "language", "fr",
                        "intent", "stolen_card",
                        "priority", "URGENT",
                        "emotion", "FEAR",
                        "emotionIntensity", "0.8",
                        "register", "FORMAL"));
        floor.profile(
                "cust-alicia", Map.of("displayName", "Alicia Moreau", "preferredLanguage", "fr", "register", "FORMAL"));
        floor.story("cust-alicia", """
                {"eventId": "ev-1", "customerId": "cust-alicia", "contactId": "call-1", "channel": "VOICEBOT",
                 "type": "INTENT_DETECTED", "occurredAt": "2026-11-25T08:01:40Z", "language": "fr",
                 "text": "On m'a volé ma carte, j'ai peur", "intent": "stolen_card", "confidence": 0.93,
                 "entities": {"cardLast4": "4821"}, "emotion": "FEAR", "emotionIntensity": 0.8}
                """);

        floor.call("call-1", "cust-alicia");

        JsonNode offer = floor.await("call-1", "CONTACT_OFFERED");
        assertThat(offer.path("agentId").asText()).isEqualTo("camille");
        assertThat(offer.path("queue").asText()).isEqualTo("fraud");
        assertThat(offer.path("priority").asInt()).isEqualTo(7);
        assertThat(offer.path("strategy").asText()).isEqualTo("PREDICTIVE");
        assertThat(offer.path("explanation").findValuesAsText("name")).contains("skill", "language", "emotion");
        assertThat(offer.path("runnersUp").get(0).path("agentId").asText()).isEqualTo("luc");
        assertThat(offer.path("runnersUp").get(0).path("behindOn").asText()).startsWith("emotion");
        assertThat(offer.path("brief").toString()).contains("Alicia Moreau").contains("4821");

        JsonNode assigned = Api.asAgent(floor.tenant, "camille")
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"camille\"}")
                .post("/contacts/call-1/accept")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
        assertThat(assigned.path("type").asText()).isEqualTo("CONTACT_ASSIGNED");
        assertThat(assigned.path("brief").toString()).contains("4821");
        floor.await("call-1", "CONTACT_ASSIGNED");
        assertThat(floor.live("camille").load().total()).isEqualTo(1);
        assertThat(floor.live("camille").routableChannels()).isEmpty();
        assertThat(floor.decisions("call-1", 2))
                .extracting(e -> e.path("type").asText())
                .doesNotContain("CONTACT_TRANSFERRED");
        Api.as(floor.tenant)
                .get("/queues/fraud/statistics")
                .then()
                .statusCode(200)
                .body("answered", equalTo(1))
                .body("serviceLevel", equalTo(1.0f))
                .body("abandoned", equalTo(0));
    }

    @Test
    void a_chat_of_an_auto_answer_queue_is_assigned_at_once_with_its_brief_and_no_offer_to_accept() {
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"order\": 30, \"intents\": [\"web_help\"], \"queue\": \"chats\", \"priority\": 0}")
                .put("/routing-rules/chats")
                .then()
                .statusCode(200);
        floor.agent("ines", "fr", "web_help", 3);
        floor.context("cust-w", Map.of("language", "fr", "intent", "web_help"));

        floor.arrive("w-1", "cust-w", "CHAT");

        JsonNode assigned = floor.await("w-1", "CONTACT_ASSIGNED");
        assertThat(assigned.path("agentId").asText()).isEqualTo("ines");
        assertThat(assigned.path("brief").isObject()).isTrue();
        assertThat(floor.decisions("w-1", 1))
                .extracting(e -> e.path("type").asText())
                .doesNotContain("CONTACT_OFFERED");
        // Held as an accepted contact, not a reservation that could time out.
        assertThat(floor.live("ines").load().find("w-1").orElseThrow().reserved())
                .isFalse();
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"ines\"}")
                .post("/contacts/w-1/end")
                .then()
                .statusCode(204);
        // Counted with the contact's own writes: its arrival, its answer, and its handle time at the end.
        Api.as(floor.tenant)
                .get("/queues/chats/statistics")
                .then()
                .statusCode(200)
                .body("arrived", equalTo(1))
                .body("answered", equalTo(1))
                .body("averageHandleSeconds", notNullValue());
    }

    @Test
    void language_is_a_hard_constraint_a_french_caller_waits_rather_than_reach_an_english_expert() {
        floor.agent("john", "en", "stolen_card", 5);
        floor.context("cust-1", Map.of("language", "fr", "intent", "stolen_card"));

        floor.call("c-1", "cust-1");

        JsonNode queued = floor.await("c-1", "CONTACT_QUEUED");
        assertThat(queued.path("position").asInt()).isEqualTo(1);
        assertThat(queued.path("estimatedWaitSeconds").asLong()).isPositive();
        assertThat(queued.path("reason").asText()).isEqualTo("no agent who speaks fr has room on VOICE now");
        assertThat(floor.live("john").load().total()).isZero();
        Api.as(floor.tenant)
                .get("/contacts/c-1")
                .then()
                .statusCode(200)
                .body("status", equalTo("WAITING"))
                .body("position", equalTo(1));
        Api.as(floor.tenant)
                .get("/queues/general/statistics")
                .then()
                .statusCode(200)
                .body("waiting", equalTo(1))
                .body("arrived", equalTo(1));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("alicia_router_queue_waiting{queue=\"general\",tenant=\"" + floor.tenant + "\"} 1.0");
    }

    @Test
    void a_caller_who_hangs_up_while_waiting_leaves_the_queue_and_counts_as_abandoned() {
        floor.context("cust-1", Map.of("language", "de", "intent", "billing"));
        floor.call("c-1", "cust-1");
        floor.await("c-1", "CONTACT_QUEUED");

        Api.as(floor.tenant).post("/contacts/c-1/abandon").then().statusCode(204);

        floor.await("c-1", "CONTACT_ABANDONED");
        Api.as(floor.tenant)
                .get("/queues/general/statistics")
                .then()
                .body("waiting", equalTo(0))
                .body("abandoned", equalTo(1))
                .body("abandonmentRate", equalTo(1.0f));
        Api.as(floor.tenant)
                .post("/contacts/c-1/abandon")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void an_agent_on_a_voice_call_is_never_offered_a_chat() {
        floor.agent("marc", "fr", "billing", 3);
        floor.context("cust-voice", Map.of("language", "fr", "intent", "billing"));
        floor.context("cust-chat", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-voice", "cust-voice");
        floor.await("c-voice", "CONTACT_OFFERED");
        accept("c-voice", "marc");

        floor.arrive("c-chat", "cust-chat", "CHAT");

        floor.await("c-chat", "CONTACT_QUEUED");
        assertThat(floor.live("marc").load().byChannel()).containsOnlyKeys(Channel.VOICE);
    }

    @Test
    void a_rejected_offer_goes_to_the_next_best_agent_and_never_back_to_the_one_who_rejected() {
        floor.agent("expert", "fr", "billing", 5);
        floor.agent("second", "fr", "billing", 3);
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-1", "cust-1");
        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("expert");

        Api.asAgent(floor.tenant, "expert")
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"expert\", \"reason\": \"on a call back\"}")
                .post("/contacts/c-1/reject")
                .then()
                .statusCode(204);

        JsonNode released = floor.await("c-1", "OFFER_RELEASED");
        assertThat(released.path("reason").asText()).isEqualTo("rejected: on a call back");
        List<JsonNode> offers = floor.awaitAll("c-1", "CONTACT_OFFERED", 2);
        assertThat(offers.get(1).path("agentId").asText()).isEqualTo("second");
        assertThat(floor.live("expert").load().total()).isZero();
        Api.asAgent(floor.tenant, "expert")
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"expert\"}")
                .post("/contacts/c-1/accept")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void an_offer_nobody_answers_times_out_and_goes_to_the_next_agent() {
        floor.agent("asleep", "fr", "billing", 5);
        floor.agent("awake", "fr", "billing", 3);
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-1", "cust-1");
        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("asleep");

        clock.advance(Duration.ofSeconds(21));
        sweeper.sweep();

        assertThat(floor.await("c-1", "OFFER_RELEASED").path("reason").asText()).contains("no answer within 20 s");
        assertThat(floor.awaitAll("c-1", "CONTACT_OFFERED", 2)
                        .get(1)
                        .path("agentId")
                        .asText())
                .isEqualTo("awake");
        assertThat(floor.live("asleep").load().total()).isZero();
    }

    @Test
    void a_reservation_left_by_a_router_that_died_before_offering_is_released_and_the_agent_serves_again() {
        floor.agent("stranded", "fr", "billing", 4);
        // A router reserved her for a call, then died before opening the offer: nobody will ever close it.
        presence.update(floor.tenant, "stranded", agent -> agent.reserve("ghost-call", Channel.VOICE, clock.millis()));
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-1", "cust-1");
        floor.await("c-1", "CONTACT_QUEUED");

        clock.advance(Duration.ofSeconds(11));
        sweeper.sweep();

        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("stranded");
        assertThat(floor.live("stranded").load().contacts())
                .extracting(c -> c.contactId())
                .containsExactly("c-1");
    }

    @Test
    void a_new_contact_admitted_by_a_router_that_died_before_offering_it_is_queued_and_offered_by_the_sweeper() {
        floor.agent("nina", "fr", "billing", 4);
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        // A router admitted the call (taken at once, in flight), then died before offering or queueing it.
        ContactArrived call =
                new ContactArrived("c-1", floor.tenant, "cust-1", Channel.VOICE, "fr", "billing", null, Instant.now());
        ContactState admitted = ContactState.waiting(call, "general", 0, Map.of(), null, clock.millis());
        assertThat(store.admit(admitted, clock.millis() + 10_000, SideWrites.NONE))
                .isTrue();
        assertThat(store.admit(admitted, clock.millis() + 10_000, SideWrites.NONE))
                .as("a redelivery is not admitted twice")
                .isFalse();

        clock.advance(Duration.ofSeconds(11));
        sweeper.sweep();

        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("nina");
    }

    @Test
    void an_accept_that_stopped_after_closing_the_offer_is_finished_by_the_sweeper_and_the_call_offered_again() {
        floor.agent("first", "fr", "billing", 5);
        floor.agent("second", "fr", "billing", 3);
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-1", "cust-1");
        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("first");
        // An accept closed the offer, then lost Redis (or its router) before telling the agent or saving anything.
        assertThat(store.closeOffer(floor.tenant, "c-1", clock.millis() + 10_000))
                .isTrue();

        clock.advance(Duration.ofSeconds(11));
        sweeper.sweep();

        assertThat(floor.await("c-1", "OFFER_RELEASED").path("reason").asText()).contains("interrupted");
        assertThat(floor.awaitAll("c-1", "CONTACT_OFFERED", 2)
                        .get(1)
                        .path("agentId")
                        .asText())
                .isEqualTo("second");
        assertThat(floor.live("first").load().total()).isZero();
    }

    @Test
    void an_accept_that_stopped_after_the_agent_took_the_call_is_completed_by_the_sweeper() {
        floor.agent("first", "fr", "billing", 5);
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-1", "cust-1");
        floor.await("c-1", "CONTACT_OFFERED");
        // This accept got as far as the agent's live state: she has the call, the router's record does not say so.
        assertThat(store.closeOffer(floor.tenant, "c-1", clock.millis() + 10_000))
                .isTrue();
        presence.update(floor.tenant, "first", agent -> agent.accept("c-1"));

        clock.advance(Duration.ofSeconds(11));
        sweeper.sweep();

        assertThat(floor.await("c-1", "CONTACT_ASSIGNED").path("agentId").asText())
                .isEqualTo("first");
        Api.as(floor.tenant)
                .get("/contacts/c-1")
                .then()
                .statusCode(200)
                .body("status", equalTo("ASSIGNED"), "agentId", equalTo("first"));
    }

    @Test
    void an_accept_retried_after_the_assignment_was_saved_announces_it_again_as_the_same_event() {
        floor.agent("first", "fr", "billing", 5);
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-1", "cust-1");
        floor.await("c-1", "CONTACT_OFFERED");
        accept("c-1", "first");
        String announced =
                floor.await("c-1", "CONTACT_ASSIGNED").path("eventId").asText();

        // The desktop did not hear back (the first accept may have stopped before announcing it) and tries again.
        accept("c-1", "first");

        List<JsonNode> assignments = floor.awaitAll("c-1", "CONTACT_ASSIGNED", 2);
        assertThat(assignments)
                .extracting(event -> event.path("eventId").asText())
                .containsExactly(announced, announced);
        assertThat(assignments)
                .extracting(event -> event.path("agentId").asText())
                .containsOnly("first");
    }

    @Test
    void an_assignment_saved_by_a_router_that_stopped_before_announcing_it_is_announced_by_the_sweeper() {
        floor.agent("first", "fr", "billing", 5);
        floor.agent("second", "fr", "billing", 5);
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        floor.context("cust-2", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-1", "cust-1");
        String firstAgent =
                floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText();
        accept("c-1", firstAgent);
        floor.await("c-1", "CONTACT_ASSIGNED");
        floor.call("c-2", "cust-2");
        String secondAgent =
                floor.await("c-2", "CONTACT_OFFERED").path("agentId").asText();
        // This accept got as far as saving the assignment, then its router was killed: nothing on the topic.
        assertThat(store.closeOffer(floor.tenant, "c-2", clock.millis() + 10_000))
                .isTrue();
        presence.update(floor.tenant, secondAgent, agent -> agent.accept("c-2"));
        store.saveInFlight(
                store.find(floor.tenant, "c-2").orElseThrow().answered(clock.millis()),
                clock.millis() + 10_000,
                SideWrites.NONE);

        clock.advance(Duration.ofSeconds(11));
        sweeper.sweep();

        assertThat(floor.await("c-2", "CONTACT_ASSIGNED").path("agentId").asText())
                .isEqualTo(secondAgent);
        // Announced ones (c-1 by its accept, c-2 by the sweep) have left flight: no sweep announces them again.
        assertThat(store.inFlightDue(floor.tenant, clock.millis() + 60_000, 10)).isEmpty();
    }

    @Test
    void an_end_saved_but_never_announced_is_announced_by_the_sweeper_and_by_the_retried_end_as_one_event() {
        floor.agent("first", "fr", "billing", 5);
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-1", "cust-1");
        String agent = floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText();
        accept("c-1", agent);
        floor.await("c-1", "CONTACT_ASSIGNED");
        // This end got as far as saving it (Redis applied the write, then its reply was lost with the connection):
        // nothing on the topic, and the agent's presence waits for the announcement to wrap up.
        ContactState assigned = store.find(floor.tenant, "c-1").orElseThrow();
        RoutingEvent end = assigned.offer()
                .then(RoutingEvent.Type.CONTACT_ENDED, null, Instant.ofEpochMilli(clock.millis()), "end-of-c-1");
        store.saveInFlight(assigned.ended(end), clock.millis() + 10_000, SideWrites.NONE);

        clock.advance(Duration.ofSeconds(11));
        sweeper.sweep();
        JsonNode swept = floor.await("c-1", "CONTACT_ENDED");
        assertThat(swept.path("eventId").asText()).isEqualTo("end-of-c-1");
        // The desktop retries its end: not refused as "not assigned", announced again as the same event.
        Api.asAgent(floor.tenant, agent)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"" + agent + "\", \"outcome\": \"resolved\"}")
                .post("/contacts/c-1/end")
                .then()
                .statusCode(204);

        assertThat(floor.awaitAll("c-1", "CONTACT_ENDED", 2))
                .extracting(e -> e.path("eventId").asText())
                .containsOnly(swept.path("eventId").asText());
        assertThat(store.inFlightDue(floor.tenant, clock.millis() + 60_000, 10)).isEmpty();
    }

    @Test
    void the_sweep_for_orphaned_reservations_reads_the_floor_once_per_period_whichever_instance_asks_first() {
        long now = clock.millis();
        // Two router instances share the turn through Redis: the first to ask takes it, the other is told to skip.
        assertThat(store.takeTurn(floor.tenant, "orphaned-reservations", now, 10_000))
                .isTrue();
        assertThat(store.takeTurn(floor.tenant, "orphaned-reservations", now + 1, 10_000))
                .isFalse();
        assertThat(store.takeTurn(floor.tenant, "orphaned-reservations", now + 9_999, 10_000))
                .isFalse();
        assertThat(store.takeTurn(floor.tenant, "orphaned-reservations", now + 10_000, 10_000))
                .isTrue();
        // Each tenant has its own turn.
        assertThat(store.takeTurn(floor.tenant + "-other", "orphaned-reservations", now + 10_000, 10_000))
                .isTrue();
    }

    @Test
    void a_waiting_contact_is_offered_by_the_presence_event_itself_with_no_sweep_running() {
        floor.agent("nina", "fr", "billing", 4);
        floor.away("nina");
        floor.context("cust-1", Map.of("language", "fr", "intent", "billing"));
        floor.call("c-1", "cust-1");
        floor.await("c-1", "CONTACT_QUEUED");

        floor.back("nina");

        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("nina");
    }

    @Test
    void an_urgent_contact_is_served_before_calmer_ones_that_waited_longer() {
        floor.agent("nina", "fr", "cards", 4);
        floor.away("nina");
        floor.context("cust-calm", Map.of("language", "fr", "intent", "cards"));
        floor.context("cust-urgent", Map.of("language", "fr", "intent", "cards", "priority", "URGENT"));
        floor.call("c-calm", "cust-calm");
        floor.await("c-calm", "CONTACT_QUEUED");
        floor.call("c-urgent", "cust-urgent");
        floor.await("c-urgent", "CONTACT_QUEUED");

        floor.back("nina");

        assertThat(floor.await("c-urgent", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("nina");
        assertThat(floor.live("nina").load().contacts())
                .extracting(c -> c.contactId())
                .containsExactly("c-urgent");
    }

    @Test
    void the_fraud_queue_widens_to_less_skilled_agents_after_45_seconds_then_offers_a_callback() {
        fraudRule();
        floor.agent("novice", "fr", "stolen_card", 1);
        floor.agent("novice-busy", Map.of("fr", 5), Map.of("other", 1), Map.of());
        floor.context("cust-1", Map.of("language", "fr", "intent", "stolen_card"));
        floor.call("c-1", "cust-1");
        JsonNode queued = floor.await("c-1", "CONTACT_QUEUED");
        assertThat(queued.path("queue").asText()).isEqualTo("fraud");

        clock.advance(Duration.ofSeconds(46));
        sweeper.sweep();

        assertThat(floor.await("c-1", "QUEUE_WIDENED").path("reason").asText())
                .contains("skills relaxed to {stolen_card=1}");
        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("novice");
    }

    @Test
    void a_transfer_keeps_the_contact_and_its_story_and_the_next_agent_reads_why() {
        floor.agent("first", Map.of("fr", 5), Map.of("cards", 4), Map.of());
        floor.agent("loans", Map.of("fr", 5), Map.of("loans", 4), Map.of());
        loansRule();
        floor.context("cust-1", Map.of("language", "fr", "intent", "cards"));
        floor.story("cust-1", """
                {"eventId": "ev-1", "customerId": "cust-1", "contactId": "c-1", "channel": "VOICEBOT",
                 "type": "CUSTOMER_MESSAGE", "occurredAt": "2026-11-25T08:01:40Z", "language": "fr",
                 "text": "Je veux augmenter le plafond de ma carte pour un achat immobilier"}
                """);
        floor.call("c-1", "cust-1");
        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("first");
        accept("c-1", "first");

        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"first\", \"toQueue\": \"loans\", \"reason\": \"mortgage question\"}")
                .post("/contacts/c-1/transfer")
                .then()
                .statusCode(204);

        assertThat(floor.await("c-1", "CONTACT_TRANSFERRED").path("reason").asText())
                .contains("mortgage question");
        JsonNode second = floor.awaitAll("c-1", "CONTACT_OFFERED", 2).get(1);
        assertThat(second.path("agentId").asText()).isEqualTo("loans");
        assertThat(second.path("contactId").asText()).isEqualTo("c-1");
        assertThat(second.path("brief").toString())
                .contains("plafond de ma carte")
                .contains("mortgage question");
        kafka.awaitRecord(
                "conversation.events",
                r -> r.key().equals(floor.tenant + ":cust-1") && r.value().contains("TRANSFERRED"));
    }

    @Test
    void an_end_read_before_a_transfer_saved_after_it_is_refused_and_changes_nothing() {
        floor.agent("first", Map.of("fr", 5), Map.of("cards", 4), Map.of());
        floor.agent("loans", Map.of("fr", 5), Map.of("loans", 4), Map.of());
        loansRule();
        floor.context("cust-1", Map.of("language", "fr", "intent", "cards"));
        floor.call("c-1", "cust-1");
        floor.await("c-1", "CONTACT_OFFERED");
        accept("c-1", "first");
        // The desktop's end read the contact as assigned to "first"; a transfer then moved it on before it saved.
        ContactState readByTheEnd = store.find(floor.tenant, "c-1").orElseThrow();
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"first\", \"toQueue\": \"loans\", \"reason\": \"mortgage question\"}")
                .post("/contacts/c-1/transfer")
                .then()
                .statusCode(204);
        RoutingEvent end = readByTheEnd
                .offer()
                .then(RoutingEvent.Type.CONTACT_ENDED, null, Instant.ofEpochMilli(clock.millis()), "late-end");

        boolean saved =
                store.saveInFlightIf(readByTheEnd, readByTheEnd.ended(end), clock.millis() + 10_000, SideWrites.NONE);

        assertThat(saved).isFalse();
        assertThat(store.find(floor.tenant, "c-1").orElseThrow().status()).isNotEqualTo(ContactState.Status.ENDED);
        assertThat(floor.awaitAll("c-1", "CONTACT_OFFERED", 2)
                        .get(1)
                        .path("agentId")
                        .asText())
                .isEqualTo("loans");
        // "first" no longer has it: a transfer of theirs is refused as well.
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"first\", \"toQueue\": \"loans\", \"reason\": \"again\"}")
                .post("/contacts/c-1/transfer")
                .then()
                .statusCode(409);
    }

    @Test
    void the_best_empathiser_gets_a_cool_down_after_two_distressed_contacts_in_a_row() {
        floor.agent("camille", Map.of("fr", 5), Map.of("cards", 4), Map.of("empathy", 1.0));
        floor.agent("luc", Map.of("fr", 5), Map.of("cards", 4), Map.of("empathy", 0.2));
        for (String customer : List.of("cust-1", "cust-2", "cust-3")) {
            floor.context(
                    customer,
                    Map.of("language", "fr", "intent", "cards", "emotion", "FEAR", "emotionIntensity", "0.9"));
        }

        for (String contact : List.of("chat-1", "chat-2")) {
            floor.arrive(contact, "cust-" + contact.substring(5), "CHAT");
            assertThat(floor.await(contact, "CONTACT_OFFERED").path("agentId").asText())
                    .isEqualTo("camille");
            accept(contact, "camille");
        }
        floor.arrive("chat-3", "cust-3", "CHAT");

        assertThat(floor.await("chat-3", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("luc");
        assertThat(floor.live("camille").canTake(Channel.CHAT)).isTrue();
    }

    @Test
    void a_redelivered_contact_is_not_routed_twice() {
        floor.agent("a", "fr", "cards", 3);
        floor.agent("b", "fr", "cards", 3);
        floor.context("cust-1", Map.of("language", "fr", "intent", "cards"));

        floor.call("c-1", "cust-1");
        floor.call("c-1", "cust-1");
        floor.call("c-2", "cust-1");

        floor.await("c-2", "CONTACT_OFFERED");
        assertThat(floor.decisions("c-1", 1))
                .extracting(e -> e.path("type").asText())
                .containsExactly("CONTACT_OFFERED");
        assertThat(floor.live("a").load().total() + floor.live("b").load().total())
                .isEqualTo(2);
    }

    @Test
    void round_robin_queues_hand_contacts_out_in_turn() {
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"order\": 1, \"intents\": [\"opening_hours\"], \"queue\": \"turns\", \"priority\": 0}")
                .put("/routing-rules/turns")
                .then()
                .statusCode(200);
        for (String agent : List.of("ann", "bob", "cid")) {
            floor.agent(agent, Map.of("fr", 5), Map.of("opening_hours", 1), Map.of());
        }
        floor.context("cust-1", Map.of("language", "fr", "intent", "opening_hours"));

        for (String contact : List.of("m-1", "m-2", "m-3")) {
            floor.arrive(contact, "cust-1", "CHAT");
            floor.await(contact, "CONTACT_OFFERED");
        }

        assertThat(List.of("m-1", "m-2", "m-3"))
                .extracting(
                        c -> floor.await(c, "CONTACT_OFFERED").path("agentId").asText())
                .containsExactly("ann", "bob", "cid");
    }

    @Test
    void malformed_contacts_are_dead_lettered_with_the_reason_and_the_next_contact_is_still_routed() {
        floor.agent("a", "fr", "cards", 3);
        String key = floor.tenant + ":c-bad";
        String good = """
                {"contactId": "c-bad", "tenantId": "%s", "customerId": "cust-1", "channel": "VOICE",
                 "arrivedAt": "2026-11-25T08:02:11Z"}
                """.formatted(floor.tenant);
        kafka.send(ContactCenterFloor.INBOUND, key, "not json at all");
        kafka.send(ContactCenterFloor.INBOUND, key, good.replace("VOICE", "CARRIER_PIGEON"));
        kafka.send(ContactCenterFloor.INBOUND, key, good.replace("2026-11-25T08:02:11Z", "yesterday morning"));
        floor.call("c-good", "cust-1");

        assertThat(kafka.awaitRecords(
                        ContactCenterFloor.INBOUND + ".dlq", r -> key.equals(r.key()), 3, Duration.ofSeconds(30)))
                .extracting(r -> KafkaTestClient.header(r, "dlq.reason").orElseThrow())
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("not well-formed JSON"),
                        reason -> assertThat(reason).contains("channel must be one of"),
                        reason -> assertThat(reason).contains("arrivedAt"));
        assertThat(floor.await("c-good", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("a");
    }

    private void accept(String contactId, String agentId) {
        Api.asAgent(floor.tenant, agentId)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"" + agentId + "\"}")
                .post("/contacts/" + contactId + "/accept")
                .then()
                .statusCode(200);
    }

    private void fraudRule() {
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("""
                        {"order": 10, "intents": ["stolen_card", "fraud"], "queue": "fraud", "priority": 2,
                         "requiredSkills": {"stolen_card": 3}}
                        """)
                .put("/routing-rules/fraud")
                .then()
                .statusCode(200);
    }

    private void loansRule() {
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("""
                        {"order": 20, "intents": ["loans"], "queue": "loans", "priority": 0,
                         "requiredSkills": {"loans": 2}}
                        """)
                .put("/routing-rules/loans")
                .then()
                .statusCode(200);
    }
}
