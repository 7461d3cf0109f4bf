package dev.alicia.router.api;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.alicia.testing.Api;
import dev.alicia.testing.RealInfrastructure;
import dev.alicia.testing.RestFuzz;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the routing API, fed malformed bodies, path and query parameters from its own OpenAPI document
 * (see {@link RestFuzz}): always a 4xx problem, and the routing rules and the waiting contact unchanged. The two
 * server-sent event streams are left out (they stream until closed once accepted; their agent id is validated).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class MalformedRequestsTest {

    private static final String RULE = """
            {"order": 20, "intents": ["loans"], "queue": "loans", "priority": 1, "requiredSkills": {"loans": 2}}
            """;

    @Test
    void every_malformed_request_to_every_endpoint_is_a_4xx_problem_and_changes_nothing() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body(RULE)
                .put("/routing-rules/fuzz-rule")
                .then()
                .statusCode(200);
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body("{\"contactId\": \"fuzz-contact\", \"customerId\": \"fuzz-customer\", \"channel\": \"VOICE\"}")
                .post("/contacts")
                .then()
                .statusCode(202);
        // Intake is asynchronous (through contacts.inbound): the contact is there once routed.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        Api.as(tenant).get("/contacts/fuzz-contact").then().statusCode(200));

        RestFuzz.Report report = RestFuzz.as(tenant, "fuzz-agent")
                .pathValue("contactId", "fuzz-contact")
                .pathValue("name", "fuzz-rule")
                .pathValue("queue", "general")
                .pathValue("agentId", "fuzz-agent")
                .body("PUT /routing-rules/{name}", RULE)
                .run(() -> state(tenant));

        assertThat(report.findings()).isEmpty();
        assertThat(report.requests()).isGreaterThan(300);
    }

    private static List<String> state(String tenant) {
        return List.of(
                Api.as(tenant)
                        .get("/routing-rules")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                Api.as(tenant)
                        .get("/contacts/fuzz-contact")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }
}
