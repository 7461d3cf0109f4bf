package dev.alicia.presence.api;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response.Status;

import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.persistence.Agent;
import dev.alicia.testing.Api;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.alicia.presence.api.RosterFixtures.camille;
import static dev.alicia.presence.api.RosterFixtures.create;
import static dev.alicia.presence.api.RosterFixtures.createCamille;
import static dev.alicia.presence.api.RosterFixtures.newTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class RosterResourceTest {

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    @Test
    void adds_an_agent_to_the_roster_in_postgresql_indexes_them_in_redis_and_announces_them_offline() {
        String tenant = newTenant();

        create(tenant, camille("camille"))
                .statusCode(Status.CREATED.getStatusCode())
                .body("languages.fr", equalTo(5))
                .body("skills.stolen_card", equalTo(5))
                .body("capacityProfile", equalTo("standard"))
                .body("strengths.empathy", equalTo(0.95f))
                .body("presence.status", equalTo("OFFLINE"));

        Agent stored = QuarkusTransaction.requiringNew()
                .call(() -> Agent.find(tenant, "camille").orElseThrow());
        assertThat(stored.languages).containsEntry("fr", 5).containsEntry("en", 4);
        assertThat(stored.channels).containsExactlyInAnyOrder(Channel.VOICE, Channel.CHAT);
        assertThat((String) entityManager.createNativeQuery("select version()").getSingleResult())
                .startsWith("PostgreSQL");
        assertThat(redis.set(String.class).smembers("presence:{" + tenant + "}:lang:fr"))
                .containsExactly("camille");
        assertThat(redis.sortedSet(String.class).zscore("presence:{" + tenant + "}:skill:stolen_card", "camille"))
                .hasValue(5.0);
        kafka.awaitRecord(
                "agent.presence",
                r -> r.key().equals(tenant + ":camille") && r.value().contains("\"status\":\"OFFLINE\""));
    }

    @Test
    void reads_updates_and_removes_an_agent() {
        String tenant = newTenant();
        createCamille(tenant, "camille");

        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body(camille("camille").replace("\"billing\", \"proficiency\": 2", "\"billing\", \"proficiency\": 4"))
                .when()
                .put("/agents/{id}", "camille")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("skills.billing", equalTo(4));
        assertThat(redis.sortedSet(String.class).zscore("presence:{" + tenant + "}:skill:billing", "camille"))
                .hasValue(4.0);
        Api.as(tenant).when().get("/agents").then().body("agentId", hasItem("camille"));

        Api.as(tenant).when().delete("/agents/{id}", "camille").then().statusCode(Status.NO_CONTENT.getStatusCode());
        Api.as(tenant).when().get("/agents/{id}", "camille").then().statusCode(Status.NOT_FOUND.getStatusCode());
        assertThat(redis.set(String.class).smembers("presence:{" + tenant + "}:lang:fr"))
                .isEmpty();
        assertThat(redis.key().exists("presence:{" + tenant + "}:agent:camille"))
                .isFalse();
    }

    @Test
    void adding_the_same_agent_twice_is_a_conflict() {
        String tenant = newTenant();
        createCamille(tenant, "camille");

        create(tenant, camille("camille"))
                .statusCode(Status.CONFLICT.getStatusCode())
                .contentType("application/problem+json");
    }

    @Test
    void every_invalid_field_of_an_agent_is_named() {
        create(newTenant(), """
                        {"agentId": "a 1", "displayName": "", "languages": [{"code": "french", "fluency": 9}],
                         "skills": [{"name": "Fraud!", "proficiency": 0}], "channels": [],
                         "strengths": {"empathy": 1.5}}
                        """)
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "agentId",
                                "displayName",
                                "languages[0].code",
                                "languages[0].fluency",
                                "skills[0].name",
                                "skills[0].proficiency",
                                "channels",
                                "strengths[empathy]"));
    }

    @Test
    void an_unknown_capacity_profile_is_a_problem_naming_the_field() {
        create(newTenant(), camille("x").replace("\"channels\"", "\"capacityProfile\": \"nine-chats\", \"channels\""))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("capacityProfile"));
    }

    @Test
    void a_body_that_is_not_json_is_a_problem_naming_the_body_without_internals() {
        create(newTenant(), "{\"agentId\": \"a1\", \"displayName\": ")
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void a_request_without_a_bearer_token_is_refused_as_a_problem() {
        given().contentType(ContentType.JSON)
                .body(camille("a"))
                .when()
                .post("/agents")
                .then()
                .statusCode(Status.UNAUTHORIZED.getStatusCode())
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void imports_a_whole_floor_from_json() {
        String tenant = newTenant();
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body("[" + camille("a1") + "," + camille("a2") + "," + camille("a3") + "]")
                .when()
                .post("/agents/import")
                .then()
                .statusCode(Status.CREATED.getStatusCode())
                .body("imported", equalTo(3));

        Api.as(tenant).when().get("/agents").then().body("agentId", hasItems("a1", "a2", "a3"));
    }

    @Test
    void an_import_with_a_bad_row_reports_each_error_by_row_and_imports_nothing() {
        String tenant = newTenant();
        createCamille(tenant, "existing");

        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body("[" + camille("ok-1") + "," + camille("bad").replace("\"proficiency\": 5", "\"proficiency\": 8")
                        + "," + camille("ok-1") + "," + camille("existing") + "]")
                .when()
                .post("/agents/import")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", containsString("nothing was imported"))
                .body("errors.field", hasItems("[1].skills[0].proficiency", "[2].agentId", "[3].agentId"));

        Api.as(tenant).when().get("/agents").then().body("agentId", hasSize(1));
    }

    @Test
    void imports_a_floor_from_csv_and_names_the_line_of_a_bad_row() {
        String tenant = newTenant();
        String header = "agentId,displayName,team,languages,skills,channels,capacityProfile,strengths\n";
        String good = "lea,Léa Dubois,fraud,fr:5|en:3,stolen_card:4,VOICE|CHAT,standard,empathy:0.9\n"
                + "\"tom\",\"Tom, Jr\",cards,en:5,cards:3,CHAT|EMAIL,,\n";

        Api.as(tenant)
                .contentType("text/csv")
                .body(header + good)
                .when()
                .post("/agents/import")
                .then()
                .statusCode(Status.CREATED.getStatusCode())
                .body("imported", equalTo(2))
                .body("agents.find { it.agentId == 'tom' }.displayName", equalTo("Tom, Jr"));

        Api.as(tenant)
                .contentType("text/csv")
                .body(header + "zoe,Zoé,fraud,fr:5,stolen_card:4,VOICE,standard,\n"
                        + "max,Max,fraud,fr:5,stolen_card:4,PIGEON,standard,\n")
                .when()
                .post("/agents/import")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("line 3"))
                .body("errors[0].message", containsString("PIGEON"));
        Api.as(tenant).when().get("/agents").then().body("agentId", hasSize(2));
    }

    @Test
    void an_unknown_agent_is_a_not_found_problem() {
        Api.as(newTenant())
                .when()
                .get("/agents/{id}", "nobody")
                .then()
                .statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", containsString("nobody"));
    }
}
