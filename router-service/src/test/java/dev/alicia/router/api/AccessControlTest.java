package dev.alicia.router.api;

import java.time.Duration;
import java.util.UUID;

import dev.alicia.testing.Api;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may do what with contacts, queues and rules: the channel platform submits, an agent acts only on what is
 * offered to them and as themselves, supervisors watch, administrators set the rules; no tenant reaches another.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class AccessControlTest {

    private static final String RULE =
            "{\"order\": 30, \"intents\": [\"web_help\"], \"queue\": \"chats\", \"priority\": 0}";

    @Test
    void only_the_channel_platform_submits_contacts() {
        String tenant = newTenant();
        submit(Api.asAgent(tenant, "camille"), "c-1").statusCode(403);
        submit(Api.asSupervisor(tenant), "c-1").statusCode(403);
        submit(Api.asAdmin(tenant), "c-1").statusCode(403);
        submit(Api.asPlatform(tenant), "c-1").statusCode(202);
    }

    @Test
    void an_agent_sees_only_what_is_offered_to_them_and_acts_only_as_themselves() {
        String tenant = newTenant();
        submit(Api.asPlatform(tenant), "c-1").statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Api.asPlatform(tenant)
                        .when()
                        .get("/contacts/{id}", "c-1")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("WAITING")));

        // Waiting, offered to nobody: to an agent it does not exist.
        Api.asAgent(tenant, "camille")
                .when()
                .get("/contacts/{id}", "c-1")
                .then()
                .statusCode(404);
        Api.asSupervisor(tenant).when().get("/contacts/{id}", "c-1").then().statusCode(200);
        // Camille cannot accept, decline or end in Luc's name.
        for (String action : new String[] {"accept", "reject", "end"}) {
            Api.asAgent(tenant, "camille")
                    .contentType(ContentType.JSON)
                    .body("{\"agentId\": \"luc\"}")
                    .when()
                    .post("/contacts/{id}/" + action, "c-1")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.asAgent(tenant, "camille")
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"luc\", \"resolved\": true, \"satisfaction\": 5}")
                .when()
                .post("/contacts/{id}/outcome", "c-1")
                .then()
                .statusCode(403);
        // Abandonment is the channel platform's word, not an agent's.
        Api.asAgent(tenant, "camille")
                .when()
                .post("/contacts/{id}/abandon", "c-1")
                .then()
                .statusCode(403);
        // The platform accepts nothing on an agent's behalf either.
        Api.asPlatform(tenant)
                .contentType(ContentType.JSON)
                .body("{\"agentId\": \"luc\"}")
                .when()
                .post("/contacts/{id}/accept", "c-1")
                .then()
                .statusCode(403);
    }

    @Test
    void statistics_reports_and_live_views_are_for_supervisors_and_rules_for_administrators() {
        String tenant = newTenant();
        RequestSpecification agent = Api.asAgent(tenant, "camille");
        agent.when().get("/queues").then().statusCode(403);
        Api.asAgent(tenant, "camille").when().get("/learning/report").then().statusCode(403);
        Api.asAgent(tenant, "camille").when().get("/routing-rules").then().statusCode(403);
        Api.asAgent(tenant, "camille").when().get("/wallboard/events").then().statusCode(403);
        Api.asAgent(tenant, "camille")
                .when()
                .get("/agent-desk/luc/events")
                .then()
                .statusCode(403);
        Api.asPlatform(tenant).when().get("/queues").then().statusCode(403);
        Api.asSupervisor(tenant).when().get("/queues").then().statusCode(200);
        Api.asSupervisor(tenant).when().get("/learning/report").then().statusCode(200);

        for (RequestSpecification caller : new RequestSpecification[] {
            Api.asAgent(tenant, "camille"), Api.asSupervisor(tenant), Api.asPlatform(tenant)
        }) {
            caller.contentType(ContentType.JSON)
                    .body(RULE)
                    .when()
                    .put("/routing-rules/chats")
                    .then()
                    .statusCode(403);
        }
        Api.asSupervisor(tenant).when().delete("/routing-rules/chats").then().statusCode(403);
        Api.asAdmin(tenant)
                .contentType(ContentType.JSON)
                .body(RULE)
                .when()
                .put("/routing-rules/chats")
                .then()
                .statusCode(200);
    }

    @Test
    void a_tenant_never_reads_or_routes_another_tenants_contacts() {
        String bankA = newTenant();
        String bankB = newTenant();
        submit(Api.asPlatform(bankB), "c-b").statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Api.asPlatform(bankB)
                        .when()
                        .get("/contacts/{id}", "c-b")
                        .then()
                        .statusCode(200));

        Api.asPlatform(bankA).when().get("/contacts/{id}", "c-b").then().statusCode(404);
        Api.asSupervisor(bankA).when().get("/queues").then().statusCode(200).body("size()", equalTo(0));
        // Bank A's platform abandoning "c-b" touches its own (unknown) contact, never bank B's.
        Api.asPlatform(bankA)
                .when()
                .post("/contacts/{id}/abandon", "c-b")
                .then()
                .statusCode(404);
        Api.asPlatform(bankB)
                .when()
                .get("/contacts/{id}", "c-b")
                .then()
                .statusCode(200)
                .body("status", equalTo("WAITING"));
    }

    private static io.restassured.response.ValidatableResponse submit(RequestSpecification caller, String contact) {
        return caller.contentType(ContentType.JSON)
                .body("{\"contactId\": \"" + contact + "\", \"customerId\": \"cust-1\", \"channel\": \"CHAT\"}")
                .when()
                .post("/contacts")
                .then();
    }

    private static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
