package dev.alicia.context.api;

import java.util.UUID;

import jakarta.ws.rs.core.Response.Status;

import dev.alicia.testing.Api;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "context"))
class ConversationEventResourceTest {

    @Test
    void an_event_posted_twice_is_kept_once_and_shows_in_the_customers_context() {
        String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        String event = """
                {"eventId": "ev-%s", "tenantId": "bank-b", "customerId": "%s", "channel": "CHATBOT",
                 "type": "CUSTOMER_MESSAGE", "occurredAt": "2026-11-25T08:00:00Z", "language": "en",
                 "text": "My card was stolen"}
                """.formatted(customer, customer);

        post(event).then().statusCode(Status.CREATED.getStatusCode());
        post(event).then().statusCode(Status.OK.getStatusCode());

        Api.as("bank-b")
                .when()
                .get("/customers/{id}/context", customer)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("journey", hasSize(1))
                .body("features.lastChannel", equalTo("CHATBOT"));
    }

    @Test
    void an_event_for_another_tenant_is_a_problem_naming_the_tenant_field() {
        post("""
                        {"eventId": "ev-x", "tenantId": "bank-a", "customerId": "c-1", "channel": "CHAT",
                         "type": "CUSTOMER_MESSAGE", "occurredAt": "2026-11-25T08:00:00Z"}
                        """)
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("tenantId"));
    }

    @Test
    void an_event_without_its_time_is_a_problem_naming_the_field() {
        post("""
                        {"eventId": "ev-y", "tenantId": "bank-b", "customerId": "c-1", "channel": "CHAT",
                         "type": "CUSTOMER_MESSAGE"}
                        """)
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("occurredAt"));
    }

    private static io.restassured.response.Response post(String body) {
        return Api.as("bank-b").contentType(ContentType.JSON).body(body).when().post("/conversation-events");
    }
}
