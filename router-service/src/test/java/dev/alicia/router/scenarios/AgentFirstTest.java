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
import dev.alicia.router.support.ContactCenterFloor;
import dev.alicia.router.support.TestClock;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More contacts than agents, over real Kafka, Redis and PostgreSQL: an agent who frees up on a PREDICTIVE queue takes
 * the waiting contact they are expected to do best with compared with an average agent, among those near the front
 * (the default queue's agent-first window: 20 s), and the first contact in its turn once it has waited that long.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class AgentFirstTest {

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    LivePresenceStore presence;

    @Inject
    RedisDataSource redis;

    @Inject
    TestClock clock;

    @Inject
    Learning learning;

    private ContactCenterFloor floor;

    @BeforeEach
    void twoBusyAgentsAndABillingCallWaitingBeforeAFraudCall() {
        floor = new ContactCenterFloor(kafka, presence, redis);
        Map<String, Integer> both = Map.of("billing", 3, "fraud", 3);
        floor.agent("anna", Map.of("fr", 5), both, Map.of());
        floor.agent("ben", Map.of("fr", 5), both, Map.of());
        // What was learned: anna resolves French fraud calls, ben does not; on billing they are alike.
        ContactKind fraud = ContactKind.of(ContactNeeds.of("fr", "fraud"), "VOICE", null);
        ContactKind billing = ContactKind.of(ContactNeeds.of("fr", "billing"), "VOICE", null);
        for (int i = 0; i < 20; i++) {
            learning.learner(floor.tenant).record("anna", fraud, new ContactOutcome(true, 5.0, 300));
            learning.learner(floor.tenant).record("ben", fraud, new ContactOutcome(false, 2.0, 300));
            learning.learner(floor.tenant).record("anna", billing, new ContactOutcome(i % 2 == 0, 4.0, 300));
            learning.learner(floor.tenant).record("ben", billing, new ContactOutcome(i % 2 == 0, 4.0, 300));
        }
        presence.update(floor.tenant, "anna", agent -> agent.assigned("earlier-call", Channel.VOICE));
        presence.update(floor.tenant, "ben", agent -> agent.assigned("other-call", Channel.VOICE));
        floor.context("cust-billing", Map.of("language", "fr", "intent", "billing"));
        floor.context("cust-fraud", Map.of("language", "fr", "intent", "fraud"));
        floor.call("c-billing", "cust-billing");
        floor.await("c-billing", "CONTACT_QUEUED");
        clock.advance(Duration.ofSeconds(2));
        floor.call("c-fraud", "cust-fraud");
        floor.await("c-fraud", "CONTACT_QUEUED");
    }

    private void annaFreesUp() {
        LiveAgent free = presence.update(
                        floor.tenant, "anna", agent -> agent.end("earlier-call").wrapUpOver(clock.millis()))
                .orElseThrow()
                .after();
        floor.announce(free);
    }

    @Test
    void
            the_agent_who_frees_up_takes_the_fraud_call_they_resolve_rather_than_the_billing_call_anyone_handles_as_well() {
        annaFreesUp();

        JsonNode offered = floor.await("c-fraud", "CONTACT_OFFERED");
        assertThat(offered.path("agentId").asText()).isEqualTo("anna");
        assertThat(offered.path("reason").asText())
                .startsWith("agent first: anna freed up and took it before 1 contact(s) waiting ahead of it");
        assertThat(floor.live("anna").load().contacts())
                .extracting(held -> held.contactId())
                .containsExactly("c-fraud");
    }

    @Test
    void the_first_call_is_taken_in_its_turn_once_it_has_waited_the_window() {
        clock.advance(Duration.ofSeconds(20));

        annaFreesUp();

        assertThat(floor.await("c-billing", "CONTACT_OFFERED").path("agentId").asText())
                .isEqualTo("anna");
        assertThat(floor.live("anna").load().contacts())
                .extracting(held -> held.contactId())
                .containsExactly("c-billing");
    }
}
