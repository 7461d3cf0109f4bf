package dev.alicia.router.api;

import java.time.Duration;
import java.util.UUID;

import jakarta.ws.rs.core.Response.Status;

import dev.alicia.testing.Api;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class ContactResourceTest {

    @Test
    void a_contact_submitted_over_rest_is_routed_and_its_place_in_the_queue_can_be_read() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body(
                        "{\"contactId\": \"c-1\", \"customerId\": \"cust-1\", \"channel\": \"CHAT\", \"language\": \"fr\"}")
                .when()
                .post("/contacts")
                .then()
                .statusCode(Status.ACCEPTED.getStatusCode())
                .header("Location", containsString("/contacts/c-1"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Api.as(tenant)
                        .when()
                        .get("/contacts/{id}", "c-1")
                        .then()
                        .statusCode(Status.OK.getStatusCode())
                        .body("status", equalTo("WAITING"))
                        .body("queue", equalTo("general"))
                        .body("position", equalTo(1))
                        .body("decisions[0].type", equalTo("CONTACT_QUEUED"))
                        .body("decisions[0].language", equalTo("fr")));
    }

    @Test
    void a_contact_with_invalid_fields_is_a_problem_naming_each_of_them() {
        Api.as("bank-b")
                .contentType(ContentType.JSON)
                .body(
                        "{\"contactId\": \"c 1\", \"customerId\": \"\", \"channel\": \"VOICE\", \"language\": \"french\"}")
                .when()
                .post("/contacts")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItems("contactId", "customerId", "language"));
    }

    @Test
    void a_wrongly_typed_field_is_a_problem_naming_it() {
        Api.as("bank-b")
                .contentType(ContentType.JSON)
                .body("{\"contactId\": \"c-1\", \"customerId\": \"cust-1\", \"channel\": [\"VOICE\"]}")
                .when()
                .post("/contacts")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
    }
}
