package dev.alicia.presence.api;

import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class PlatformEndpointsTest {

    @Test
    void is_ready_only_with_its_database_and_redis_up() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Redis connection health check"));
    }

    @Test
    void publishes_its_openapi_document_and_prometheus_metrics() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/agents/{agentId}/presence"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    }

    @Test
    void an_unknown_path_is_a_problem_too() {
        given().when()
                .get("/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
