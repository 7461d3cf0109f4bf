package dev.alicia.router.learning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.domain.learning.OutcomeKeys;
import dev.alicia.router.domain.learning.Tally;
import dev.alicia.router.store.OutcomeCountsStore;
import dev.alicia.router.support.ContactCenterFloor;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Predictive routing learns from outcomes, through the public interfaces over real Kafka, Redis and PostgreSQL:
 * outcomes reported over REST or Kafka are recorded once and counted in Redis, where every router instance (and
 * a restarted one) reads them; the learned estimate steers the next decision; the held-out share of the
 * experiment's queue is routed by the baseline and tagged, and the report compares the arms.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class LearningFromOutcomesTest {

    private static final String OUTCOMES = "contact.outcomes";

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    LivePresenceStore presence;

    @Inject
    RedisDataSource redis;

    @Inject
    OutcomeCountsStore counts;

    private ContactCenterFloor floor;

    @BeforeEach
    void newFloor() {
        floor = new ContactCenterFloor(kafka, presence, redis);
    }

    @Test
    void an_outcome_reported_over_rest_is_recorded_once_and_kept_in_redis_for_every_instance() {
        floor.agent("nina", Map.of("fr", 5), Map.of("cards", 4), Map.of());
        floor.context("cust-1", Map.of("intent", "cards", "language", "fr"));
        floor.arrive("c-1", "cust-1", "CHAT");
        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("arm").asText()).isEqualTo("PREDICTIVE");
        accept("c-1", "nina");

        outcome("c-1", "{\"agentId\": \"nina\", \"resolved\": true, \"satisfaction\": 5, \"handleSeconds\": 240}")
                .body("recorded", equalTo(true));
        // A retry is not learned twice.
        outcome("c-1", "{\"agentId\": \"nina\", \"resolved\": true, \"satisfaction\": 5}")
                .body("recorded", equalTo(false));

        // What a restarted router (or another instance) reads: the counts are in Redis, not in this JVM.
        Tally nina = counts.of(floor.tenant).read(OutcomeKeys.agent("nina"));
        assertThat(nina.contacts()).isEqualTo(1.0);
        assertThat(nina.resolved()).isEqualTo(1.0);
        assertThat(nina.satisfaction()).isEqualTo(1.0); // 5/5 on the 0-1 scale
        assertThat(redis.hash(String.class).hget("router:{" + floor.tenant + "}:outcomes", "a:nina|n"))
                .isEqualTo("1");
    }

    @Test
    void an_outcome_from_an_agent_who_never_answered_the_contact_is_refused_with_a_problem() {
        floor.agent("omar", Map.of("fr", 5), Map.of("cards", 4), Map.of());
        floor.arrive("c-2", "cust-2", "CHAT");
        floor.await("c-2", "CONTACT_OFFERED");
        accept("c-2", "omar");

        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"someone-else\", \"resolved\": true}")
                .post("/contacts/c-2/outcome")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"omar\", \"resolved\": true, \"satisfaction\": 9}")
                .post("/contacts/c-2/outcome")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("satisfaction"));
    }

    @Test
    void the_agent_whose_contacts_end_resolved_gets_the_next_contact_that_nothing_else_decides() {
        // Zoe takes the loans contacts (her skill) and resolves them; Adam takes billing and does not.
        floor.agent("zoe", Map.of("fr", 5), Map.of("loans", 4), Map.of());
        floor.agent("adam", Map.of("fr", 5), Map.of("billing", 4), Map.of());
        for (int i = 0; i < 2; i++) {
            handle("loans-" + i, "loans", "zoe", true);
            handle("billing-" + i, "billing", "adam", false);
        }
        // Neither has the skill for cards, both are as busy: without learning, the tie would go to Adam (by id).
        floor.context("cust-next", Map.of("intent", "cards", "language", "fr"));
        floor.arrive("next", "cust-next", "CHAT");
        JsonNode offer = floor.await("next", "CONTACT_OFFERED");
        assertThat(offer.path("agentId").asText()).isEqualTo("zoe");
        assertThat(offer.path("explanation").toString()).contains("learned");
    }

    @Test
    void held_out_contacts_of_the_experiment_queue_are_routed_by_the_baseline_and_the_report_compares_the_arms() {
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"order\": 10, \"intents\": [\"experiment\"], \"queue\": \"experiment\", \"priority\": 0}")
                .put("/routing-rules/experiment")
                .then()
                .statusCode(200);
        for (int a = 0; a < 6; a++) {
            floor.agent("e" + a, Map.of("fr", 5), Map.of("experiment", 1 + a % 3), Map.of()); // 18 chats
        }
        List<String> arms = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String contact = "x-" + i;
            floor.context("cust-x" + i, Map.of("intent", "experiment", "language", "fr"));
            floor.arrive(contact, "cust-x" + i, "CHAT");
            JsonNode offer = floor.await(contact, "CONTACT_OFFERED");
            String arm = offer.path("arm").asText();
            arms.add(arm);
            assertThat(offer.path("strategy").asText())
                    .isEqualTo(arm.equals("BASELINE") ? "LONGEST_IDLE" : "PREDICTIVE");
            String agent = offer.path("agentId").asText();
            accept(contact, agent);
            outcome(
                            contact,
                            "{\"agentId\": \"" + agent + "\", \"resolved\": " + (i % 2 == 0) + ", \"satisfaction\": 4}")
                    .body("recorded", equalTo(true));
        }
        assertThat(arms).contains("BASELINE", "PREDICTIVE");

        JsonNode report = Api.as(floor.tenant)
                .get("/learning/report")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
        long baseline = arms.stream().filter("BASELINE"::equals).count();
        assertThat(report.path("arms")).hasSize(2);
        for (JsonNode arm : report.path("arms")) {
            long expected = arm.path("arm").asText().equals("BASELINE") ? baseline : 16 - baseline;
            assertThat(arm.path("contacts").asLong()).isEqualTo(expected);
            JsonNode resolution = arm.path("resolution");
            assertThat(resolution.path("low").asDouble())
                    .isLessThanOrEqualTo(resolution.path("estimate").asDouble());
            assertThat(resolution.path("high").asDouble())
                    .isGreaterThanOrEqualTo(resolution.path("estimate").asDouble());
            assertThat(arm.path("satisfaction").path("estimate").asDouble()).isEqualTo(4.0);
        }
        assertThat(report.path("resolutionUplift").isNull()).isFalse();
    }

    @Test
    void an_outcome_on_kafka_is_learned_and_one_about_an_unknown_contact_goes_to_the_dead_letter_topic() {
        floor.agent("kim", Map.of("fr", 5), Map.of("cards", 4), Map.of());
        floor.arrive("k-1", "cust-k", "CHAT");
        floor.await("k-1", "CONTACT_OFFERED");
        accept("k-1", "kim");

        kafka.send(OUTCOMES, floor.tenant + ":nobody", """
                {"tenantId": "%s", "contactId": "nobody", "agentId": "kim", "resolved": true}
                """.formatted(floor.tenant));
        kafka.send(OUTCOMES, floor.tenant + ":k-1", """
                {"tenantId": "%s", "contactId": "k-1", "agentId": "kim", "resolved": false, "transferred": true}
                """.formatted(floor.tenant));

        assertThat(KafkaTestClient.header(
                                kafka.awaitRecord(OUTCOMES + ".dlq", r -> (floor.tenant + ":nobody").equals(r.key())),
                                "dlq.reason")
                        .orElseThrow())
                .contains("nobody");
        Tally kim = awaitCounted("kim");
        assertThat(kim.resolved()).isZero(); // transferred: not resolved by Kim
    }

    private Tally awaitCounted(String agentId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Tally tally = counts.of(floor.tenant).read(OutcomeKeys.agent(agentId));
            if (tally.contacts() > 0) {
                return tally;
            }
            sleep();
        }
        throw new AssertionError("no outcome counted for " + agentId);
    }

    /** A contact of {@code intent} reaches {@code agent}, who answers it and reports how it ended. */
    private void handle(String contact, String intent, String agent, boolean resolved) {
        floor.context("cust-" + contact, Map.of("intent", intent, "language", "fr"));
        floor.arrive(contact, "cust-" + contact, "CHAT");
        assertThat(floor.await(contact, "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo(agent);
        accept(contact, agent);
        outcome(
                        contact,
                        "{\"agentId\": \"" + agent + "\", \"resolved\": " + resolved + ", \"satisfaction\": "
                                + (resolved ? 5 : 2) + "}")
                .body("recorded", equalTo(true));
    }

    private void accept(String contact, String agent) {
        Api.asAgent(floor.tenant, agent)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"" + agent + "\"}")
                .post("/contacts/" + contact + "/accept")
                .then()
                .statusCode(200);
    }

    private io.restassured.response.ValidatableResponse outcome(String contact, String body) {
        return Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/contacts/" + contact + "/outcome")
                .then()
                .statusCode(200);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
