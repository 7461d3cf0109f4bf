package dev.alicia.context.api;

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

/**
 * Every operation of the context API, fed malformed bodies, path and query parameters from its own OpenAPI document
 * (see {@link RestFuzz}): always a 4xx problem, and the customer's profile and story unchanged.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "context"))
class MalformedRequestsTest {

    private static final String PROFILE =
            "{\"displayName\": \"Alicia Moreau\", \"preferredLanguage\": \"fr\", \"register\": \"FORMAL\"}";

    @Test
    void every_malformed_request_to_every_endpoint_is_a_4xx_problem_and_changes_nothing() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String event = """
                {"eventId": "ev-fuzz", "tenantId": "%s", "customerId": "fuzz-customer", "contactId": "fuzz-contact",
                 "channel": "VOICEBOT", "type": "INTENT_DETECTED", "occurredAt": "2026-11-25T08:01:40Z",
                 "language": "fr", "text": "On m'a volé ma carte", "intent": "stolen_card", "confidence": 0.93,
                 "entities": {"cardLast4": "4821"}}
                """.formatted(tenant);
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body(PROFILE)
                .put("/customers/fuzz-customer/profile")
                .then()
                .statusCode(200);
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body(event)
                .post("/conversation-events")
                .then()
                .statusCode(201);

        RestFuzz.Report report = RestFuzz.as(tenant, "fuzz-agent")
                .pathValue("customerId", "fuzz-customer")
                .pathValue("contactId", "fuzz-contact")
                .body("PUT /customers/{customerId}/profile", PROFILE)
                .body("POST /conversation-events", event.replace("ev-fuzz", "ev-fuzz-2"))
                .run(() -> state(tenant));

        assertThat(report.findings()).isEmpty();
        assertThat(report.requests()).isGreaterThan(150);
    }

    private static List<String> state(String tenant) {
        return List.of(Api.as(tenant)
                .get("/customers/fuzz-customer/context")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
