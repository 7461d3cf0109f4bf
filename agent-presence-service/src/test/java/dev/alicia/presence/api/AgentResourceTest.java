package dev.alicia.presence.api;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response.Status;

import dev.alicia.presence.persistence.Agent;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class AgentResourceTest {

    private static final String TENANT = "bank-b";
    private static KafkaTestClient kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forRealInfrastructure();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void adds_an_agent_to_the_roster_in_postgresql_and_announces_them_offline() {
        String agentId = newAgentId();

        given().header("X-Tenant", TENANT)
                .contentType(ContentType.JSON)
                .body(agentJson(agentId, "fr", 5))
                .when()
                .post("/agents")
                .then()
                .statusCode(Status.CREATED.getStatusCode())
                .body("agentId", equalTo(agentId))
                .body("status", equalTo("OFFLINE"))
                .body("skills.fraud", equalTo(5));

        Agent stored = Agent.find(TENANT, agentId).orElseThrow();
        assertThat(stored.languages).containsExactly("fr");
        assertThat(stored.skills).containsEntry("fraud", 5);
        String database =
                (String) entityManager.createNativeQuery("select version()").getSingleResult();
        assertThat(database).startsWith("PostgreSQL");

        ConsumerRecord<String, String> event =
                kafka.awaitRecord("agent.presence", r -> r.key().equals(TENANT + ":" + agentId));
        assertThat(event.value()).contains("\"status\":\"OFFLINE\"").contains("\"tenantId\":\"bank-b\"");
    }

    @Test
    void an_agent_who_becomes_available_joins_the_tenants_available_set_in_redis() {
        String agentId = newAgentId();
        create(agentId);

        given().header("X-Tenant", TENANT)
                .contentType(ContentType.JSON)
                .body("{\"status\":\"AVAILABLE\"}")
                .when()
                .put("/agents/{id}/presence", agentId)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("status", equalTo("AVAILABLE"));

        assertThat(redis.set(String.class).smembers("presence:{bank-b}:available"))
                .contains(agentId);
        assertThat(redis.hash(String.class).hgetall("presence:{bank-b}:agent:" + agentId))
                .containsEntry("status", "AVAILABLE")
                .containsEntry("languages", "fr")
                .containsEntry("skills", "fraud=5")
                .containsEntry("version", "2");
        kafka.awaitRecord(
                "agent.presence",
                r -> r.key().equals(TENANT + ":" + agentId)
                        && r.value().contains("\"status\":\"AVAILABLE\"")
                        && r.value().contains("\"previousStatus\":\"OFFLINE\""));

        given().header("X-Tenant", TENANT)
                .contentType(ContentType.JSON)
                .body("{\"status\":\"BREAK\"}")
                .put("/agents/{id}/presence", agentId)
                .then()
                .statusCode(Status.OK.getStatusCode());
        assertThat(redis.set(String.class).smembers("presence:{bank-b}:available"))
                .doesNotContain(agentId);
    }

    @Test
    void a_proficiency_out_of_range_is_a_problem_naming_the_field() {
        given().header("X-Tenant", TENANT)
                .contentType(ContentType.JSON)
                .body(agentJson(newAgentId(), "fr", 7))
                .when()
                .post("/agents")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("skills[0].proficiency"))
                .body("errors.message", hasItem("must be less than or equal to 5"));
    }

    @Test
    void a_body_that_is_not_json_is_a_problem_naming_the_body_without_internals() {
        given().header("X-Tenant", TENANT)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"a1\", \"displayName\": ")
                .when()
                .post("/agents")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void an_unknown_status_is_a_problem_naming_the_field_and_the_allowed_values() {
        String agentId = newAgentId();
        create(agentId);

        given().header("X-Tenant", TENANT)
                .contentType(ContentType.JSON)
                .body("{\"status\":\"SLEEPING\"}")
                .when()
                .put("/agents/{id}/presence", agentId)
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("AVAILABLE"));
    }

    @Test
    void a_request_without_a_tenant_is_a_problem_naming_the_header() {
        given().contentType(ContentType.JSON)
                .body(agentJson(newAgentId(), "fr", 3))
                .when()
                .post("/agents")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-Tenant"));
    }

    @Test
    void an_unknown_agent_is_a_not_found_problem() {
        given().header("X-Tenant", TENANT)
                .when()
                .get("/agents/{id}", "nobody")
                .then()
                .statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", containsString("nobody"));
    }

    private static void create(String agentId) {
        given().header("X-Tenant", TENANT)
                .contentType(ContentType.JSON)
                .body(agentJson(agentId, "fr", 5))
                .post("/agents")
                .then()
                .statusCode(Status.CREATED.getStatusCode());
    }

    private static String newAgentId() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String agentJson(String agentId, String language, int fraudProficiency) {
        return """
                {"agentId": "%s", "displayName": "Camille Martin", "languages": ["%s"],
                 "skills": [{"name": "fraud", "proficiency": %d}]}
                """.formatted(agentId, language, fraudProficiency);
    }
}
