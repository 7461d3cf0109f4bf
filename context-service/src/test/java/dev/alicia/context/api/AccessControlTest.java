package dev.alicia.context.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.Load;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.testing.Api;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;

/**
 * Who may read a customer's story: the agent holding the contact reads its brief and nothing else; the channel
 * platform writes the story; a supervisor reads it; nobody reads another tenant's.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "context"))
class AccessControlTest {

    @Inject
    LivePresenceStore presence;

    @Test
    void an_agent_reads_the_brief_of_the_contact_they_hold_and_of_no_other() {
        String tenant = newTenant();
        tell(tenant, "cust-1", "call-1", "My card was stolen");
        tell(tenant, "cust-2", "call-2", "I want to close my account");
        holds(tenant, "camille", "call-1");

        Api.asAgent(tenant, "camille")
                .when()
                .get("/contacts/{id}/brief", "call-1")
                .then()
                .statusCode(200)
                .body("contactId", equalTo("call-1"));
        // Another customer's contact: as if it did not exist.
        Api.asAgent(tenant, "camille")
                .when()
                .get("/contacts/{id}/brief", "call-2")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // Luc holds nothing.
        Api.asAgent(tenant, "luc")
                .when()
                .get("/contacts/{id}/brief", "call-1")
                .then()
                .statusCode(404);
        Api.asSupervisor(tenant)
                .when()
                .get("/contacts/{id}/brief", "call-2")
                .then()
                .statusCode(200);
    }

    @Test
    void an_agent_cannot_browse_write_or_erase_customer_context() {
        String tenant = newTenant();
        tell(tenant, "cust-1", "call-1", "My card was stolen");
        var agent = Api.asAgent(tenant, "camille");

        agent.when().get("/customers/{id}/context", "cust-1").then().statusCode(403);
        Api.asAgent(tenant, "camille")
                .when()
                .get("/customers/{id}/routing-features", "cust-1")
                .then()
                .statusCode(403);
        Api.asAgent(tenant, "camille")
                .contentType(ContentType.JSON)
                .body(event(tenant, "cust-1", "call-1", "x"))
                .when()
                .post("/conversation-events")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Api.asAgent(tenant, "camille")
                .when()
                .delete("/customers/{id}", "cust-1")
                .then()
                .statusCode(403);
        Api.asSupervisor(tenant)
                .when()
                .delete("/customers/{id}", "cust-1")
                .then()
                .statusCode(403);
        Api.asSupervisor(tenant)
                .contentType(ContentType.JSON)
                .body(event(tenant, "cust-1", "call-1", "x"))
                .when()
                .post("/conversation-events")
                .then()
                .statusCode(403);
    }

    @Test
    void a_tenant_never_reads_or_writes_another_tenants_customers() {
        String bankA = newTenant();
        String bankB = newTenant();
        tell(bankB, "cust-1", "call-1", "My card was stolen");

        Api.asSupervisor(bankA)
                .when()
                .get("/customers/{id}/context", "cust-1")
                .then()
                .statusCode(404);
        Api.asSupervisor(bankA)
                .when()
                .get("/contacts/{id}/brief", "call-1")
                .then()
                .statusCode(404);
        // A body naming bank B is refused to bank A's platform.
        Api.asPlatform(bankA)
                .contentType(ContentType.JSON)
                .body(event(bankB, "cust-1", "call-1", "forged"))
                .when()
                .post("/conversation-events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenantId"));
        Api.asSupervisor(bankB)
                .when()
                .get("/customers/{id}/context", "cust-1")
                .then()
                .statusCode(200)
                .body("journey.size()", equalTo(1));
    }

    private void holds(String tenant, String agentId, String contactId) {
        LiveAgent agent = new LiveAgent(
                        tenant,
                        agentId,
                        "fraud",
                        AgentStatus.AVAILABLE,
                        null,
                        Map.of("fr", 5),
                        Map.of(),
                        Set.of(Channel.VOICE),
                        CapacityProfile.standard(),
                        Map.of(),
                        new Load(List.of()),
                        0,
                        0)
                .reserve(contactId, Channel.VOICE, System.currentTimeMillis() + 60_000);
        presence.compareAndSet(null, agent).orElseThrow();
    }

    private static void tell(String tenant, String customer, String contact, String text) {
        Api.asPlatform(tenant)
                .contentType(ContentType.JSON)
                .body(event(tenant, customer, contact, text))
                .when()
                .post("/conversation-events")
                .then()
                .statusCode(201);
    }

    private static String event(String tenant, String customer, String contact, String text) {
        return """
                {"eventId": "ev-%s", "tenantId": "%s", "customerId": "%s", "contactId": "%s", "channel": "VOICEBOT",
                 "type": "CUSTOMER_MESSAGE", "occurredAt": "2026-11-25T08:00:00Z", "language": "fr", "text": "%s"}
                """.formatted(UUID.randomUUID(), tenant, customer, contact, text);
    }

    private static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
