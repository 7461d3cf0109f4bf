package dev.alicia.presence.api;

import java.util.List;

import dev.alicia.testing.Api;
import dev.alicia.testing.RealInfrastructure;
import dev.alicia.testing.RestFuzz;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static dev.alicia.presence.api.RosterFixtures.createCamille;
import static dev.alicia.presence.api.RosterFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the presence API, fed malformed bodies, path and query parameters from its own OpenAPI
 * document (see {@link RestFuzz}): always a 4xx problem, and the roster, the profiles and the agent's presence
 * unchanged.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class MalformedRequestsTest {

    @Test
    void every_malformed_request_to_every_endpoint_is_a_4xx_problem_and_changes_nothing() {
        String tenant = newTenant();
        createCamille(tenant, "fuzz-agent");
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body("{\"perChannel\": {\"VOICE\": 1, \"CHAT\": 2}, \"maxTotal\": 2}")
                .put("/capacity-profiles/fuzz-profile")
                .then()
                .statusCode(200);

        RestFuzz.Report report = RestFuzz.as(tenant, "fuzz-agent")
                .pathValue("agentId", "fuzz-agent")
                .pathValue("name", "fuzz-profile")
                .queryValue("channel", "VOICE")
                .body("PUT /agents/{agentId}", RosterFixtures.camille("fuzz-agent"))
                .body("PUT /agents/{agentId}/presence", "{\"status\": \"AVAILABLE\", \"reason\": \"back\"}")
                .body("PUT /capacity-profiles/{name}", "{\"perChannel\": {\"VOICE\": 1}, \"maxTotal\": 1}")
                .run(() -> state(tenant));

        assertThat(report.findings()).isEmpty();
        assertThat(report.requests()).isGreaterThan(200);
    }

    private static List<String> state(String tenant) {
        return List.of(
                Api.as(tenant).get("/agents").then().statusCode(200).extract().asString(),
                Api.as(tenant)
                        .get("/capacity-profiles")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                Api.as(tenant)
                        .get("/agents/fuzz-agent/presence")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }
}
