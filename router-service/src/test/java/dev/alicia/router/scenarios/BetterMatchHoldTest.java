package dev.alicia.router.scenarios;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.domain.ContactNeeds;
import dev.alicia.router.domain.learning.ContactKind;
import dev.alicia.router.domain.learning.ContactOutcome;
import dev.alicia.router.service.Learning;
import dev.alicia.router.service.Sweeper;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PREDICTIVE queue with a hold for a better agent ({@code mortgages} in the test configuration: up to 30 s, for
 * an agent 0.1 better in the learner's estimate), over real Kafka, Redis and PostgreSQL: the contact waits for the
 * busy agent who resolves its kind far better, and still goes to the free agent once the hold is over.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class BetterMatchHoldTest {

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
    Learning learning;

    private ContactCenterFloor floor;

    @BeforeEach
    void floorWithAStarBusyOnACallAndANoviceFree() {
        floor = new ContactCenterFloor(kafka, presence, redis);
        Api.as(floor.tenant)
                .contentType(ContentType.JSON)
                .body("{\"order\": 10, \"intents\": [\"mortgage\"], \"queue\": \"mortgages\", \"priority\": 0}")
                .put("/routing-rules/mortgages")
                .then()
                .statusCode(200);
        floor.agent("star", "fr", "mortgage", 3);
        floor.agent("novice", "fr", "mortgage", 3);
        // What was learned: the star resolves French mortgage calls, the novice does not (yet).
        ContactKind kind = ContactKind.of(ContactNeeds.of("fr", "mortgage"), "VOICE", null);
        for (int i = 0; i < 20; i++) {
            learning.learner(floor.tenant).record("star", kind, new ContactOutcome(true, 5.0, 300));
            learning.learner(floor.tenant).record("novice", kind, new ContactOutcome(false, 2.0, 300));
        }
        presence.update(floor.tenant, "star", agent -> agent.assigned("earlier-call", Channel.VOICE));
        floor.context("cust-1", Map.of("language", "fr", "intent", "mortgage"));
    }

    @Test
    void a_mortgage_call_waits_for_the_busy_agent_who_resolves_such_calls_and_reaches_them_when_they_are_free() {
        floor.call("c-1", "cust-1");

        JsonNode queued = floor.await("c-1", "CONTACT_QUEUED");
        assertThat(queued.path("reason").asText())
                .contains("held up to 30 s for an agent expected to do clearly better");
        assertThat(floor.live("novice").load().contacts()).isEmpty();

        LiveAgent free = presence.update(
                        floor.tenant, "star", agent -> agent.end("earlier-call").wrapUpOver(clock.millis()))
                .orElseThrow()
                .after();
        floor.announce(free);

        assertThat(floor.await("c-1", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("star");
    }

    @Test
    void a_held_call_goes_to_the_free_agent_once_the_hold_is_over() {
        floor.call("c-2", "cust-1");
        floor.await("c-2", "CONTACT_QUEUED");

        clock.advance(Duration.ofSeconds(31));
        sweeper.sweep();

        assertThat(floor.await("c-2", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("novice");
    }

    @Test
    void a_call_is_not_held_when_the_free_agent_is_as_good_as_anyone() {
        LiveAgent free = presence.update(
                        floor.tenant, "star", agent -> agent.end("earlier-call").wrapUpOver(clock.millis()))
                .orElseThrow()
                .after();
        assertThat(free.routableChannels()).contains(Channel.VOICE);
        presence.update(floor.tenant, "novice", agent -> agent.assigned("other-call", Channel.VOICE));

        floor.call("c-3", "cust-1");

        assertThat(floor.await("c-3", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("star");
    }
}
