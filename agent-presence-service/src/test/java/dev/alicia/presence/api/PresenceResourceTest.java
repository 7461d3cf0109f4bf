package dev.alicia.presence.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import dev.alicia.testing.Api;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.alicia.presence.api.RosterFixtures.camille;
import static dev.alicia.presence.api.RosterFixtures.choose;
import static dev.alicia.presence.api.RosterFixtures.create;
import static dev.alicia.presence.api.RosterFixtures.createCamille;
import static dev.alicia.presence.api.RosterFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class PresenceResourceTest {

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    RedisDataSource redis;

    @Test
    void an_agent_who_logs_in_becomes_routable_on_their_channels_and_routers_hear_of_it() {
        String tenant = newTenant();
        createCamille(tenant, "camille");

        choose(tenant, "camille", "AVAILABLE", null)
                .statusCode(Status.OK.getStatusCode())
                .body("status", equalTo("AVAILABLE"))
                .body("routableChannels", containsInAnyOrder("VOICE", "CHAT"))
                .body("idleSince", notNullValue());

        assertThat(redis.set(String.class).smembers("presence:{" + tenant + "}:routable:VOICE"))
                .containsExactly("camille");
        assertThat(redis.set(String.class).smembers("presence:{" + tenant + "}:routable:EMAIL"))
                .isEmpty();
        kafka.awaitRecord(
                "agent.presence",
                r -> r.key().equals(tenant + ":camille")
                        && r.value().contains("\"status\":\"AVAILABLE\"")
                        && r.value().contains("\"previousStatus\":\"OFFLINE\""));
    }

    @Test
    void a_break_takes_the_agent_out_of_routing_and_says_why() {
        String tenant = newTenant();
        createCamille(tenant, "camille");
        choose(tenant, "camille", "AVAILABLE", null).statusCode(200);

        choose(tenant, "camille", "BREAK", "lunch")
                .statusCode(Status.OK.getStatusCode())
                .body("breakReason", equalTo("lunch"));

        assertThat(redis.set(String.class).smembers("presence:{" + tenant + "}:routable:CHAT"))
                .isEmpty();
    }

    @Test
    void an_illegal_transition_is_a_conflict_problem_that_says_why() {
        String tenant = newTenant();
        createCamille(tenant, "camille");

        choose(tenant, "camille", "BREAK", "coffee")
                .statusCode(Status.CONFLICT.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", containsString("OFFLINE agent logs in"));
        choose(tenant, "camille", "BUSY", null)
                .statusCode(Status.CONFLICT.getStatusCode())
                .body("detail", containsString("set by the system"));
        choose(tenant, "camille", "AVAILABLE", null).statusCode(200);
        choose(tenant, "camille", "BREAK", null)
                .statusCode(Status.CONFLICT.getStatusCode())
                .body("detail", containsString("needs a reason"));
    }

    @Test
    void an_unknown_status_is_a_problem_naming_the_field_and_the_allowed_values() {
        String tenant = newTenant();
        createCamille(tenant, "camille");

        choose(tenant, "camille", "SLEEPING", null)
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("AVAILABLE"));
    }

    @Test
    void the_eligible_query_finds_available_agents_by_channel_language_and_skill_level() {
        String tenant = newTenant();
        createCamille(tenant, "camille");
        create(tenant, camille("luc").replace("\"proficiency\": 5", "\"proficiency\": 2"))
                .statusCode(201);
        create(tenant, camille("john").replace("\"code\": \"fr\"", "\"code\": \"de\""))
                .statusCode(201);
        create(tenant, camille("mia").replace("\"billing\", \"proficiency\": 2", "\"billing\", \"proficiency\": 4"))
                .statusCode(201);
        createCamille(tenant, "offline-ines");
        for (String agent : new String[] {"camille", "luc", "john", "mia"}) {
            choose(tenant, agent, "AVAILABLE", null).statusCode(200);
        }

        Api.as(tenant)
                .queryParam("channel", "VOICE")
                .queryParam("language", "fr")
                .queryParam("skill", "stolen_card:3")
                .when()
                .get("/agents/eligible")
                .then()
                .statusCode(200)
                .body("agentId", containsInAnyOrder("camille", "mia"));
        Api.as(tenant)
                .queryParam("channel", "VOICE")
                .queryParam("language", "fr")
                .queryParam("skill", "stolen_card:3", "billing:3")
                .when()
                .get("/agents/eligible")
                .then()
                .statusCode(200)
                .body("agentId", containsInAnyOrder("mia"));
        Api.as(tenant)
                .queryParam("channel", "CHAT")
                .queryParam("language", "fr")
                .when()
                .get("/agents/eligible")
                .then()
                .body("agentId", containsInAnyOrder("camille", "luc", "mia"));
    }

    @Test
    void statistics_count_agents_by_status_per_team() {
        String tenant = newTenant();
        createCamille(tenant, "camille");
        createCamille(tenant, "luc");
        choose(tenant, "camille", "AVAILABLE", null).statusCode(200);

        Api.as(tenant)
                .when()
                .get("/statistics")
                .then()
                .statusCode(200)
                .body("tenant.byStatus.AVAILABLE", equalTo(1))
                .body("tenant.byStatus.OFFLINE", equalTo(1))
                .body("teams[0].team", equalTo("fraud"))
                .body("agents.size()", equalTo(2));
    }

    @Test
    void a_capacity_profile_change_applies_at_once_to_its_agents() {
        String tenant = newTenant();
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body("{\"perChannel\": {\"CHAT\": 2, \"EMAIL\": 1}, \"maxTotal\": 3}")
                .when()
                .put("/capacity-profiles/{name}", "chat-and-email")
                .then()
                .statusCode(200);
        create(
                        tenant,
                        camille("eve")
                                .replace("[\"VOICE\", \"CHAT\"]", "[\"CHAT\", \"EMAIL\"]")
                                .replace("\"channels\"", "\"capacityProfile\": \"chat-and-email\", \"channels\""))
                .statusCode(201);
        choose(tenant, "eve", "AVAILABLE", null).body("routableChannels", containsInAnyOrder("CHAT", "EMAIL"));

        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body("{\"perChannel\": {\"CHAT\": 2}, \"maxTotal\": 2}")
                .put("/capacity-profiles/{name}", "chat-and-email")
                .then()
                .statusCode(200);

        Api.as(tenant)
                .when()
                .get("/agents/{id}/presence", "eve")
                .then()
                .body("routableChannels", containsInAnyOrder("CHAT"));
    }
}
