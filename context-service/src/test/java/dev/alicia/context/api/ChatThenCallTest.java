package dev.alicia.context.api;

import java.time.Duration;
import java.util.UUID;

import jakarta.ws.rs.core.Response.Status;

import dev.alicia.testing.Api;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** The omnichannel promise: a customer who chatted, then calls, is recognised and the agent has the whole story. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "context"))
class ChatThenCallTest {

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Test
    void a_customer_who_chats_with_the_bot_then_calls_is_recognised_and_the_voice_brief_carries_the_chat_story() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body("""
                        {"displayName": "Alicia Moreau", "preferredLanguage": "fr", "register": "FORMAL",
                         "identities": [{"type": "PHONE", "value": "+33612345678"},
                                        {"type": "CHAT_HANDLE", "value": "alicia.m"}]}
                        """)
                .put("/customers/{id}/profile", "cust-alicia")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("identities", hasSize(2));

        String chat = "{\"type\": \"CHAT_HANDLE\", \"value\": \"alicia.m\"}";
        kafka.send(
                "conversation.events",
                tenant + ":CHAT_HANDLE:alicia.m",
                event(
                        tenant,
                        "chat-1",
                        "CHATBOT",
                        "CUSTOMER_MESSAGE",
                        chat,
                        "\"text\": \"Bonjour, ma carte a été volée, pouvez-vous m'aider ?\""));
        kafka.send(
                "conversation.events",
                tenant + ":CHAT_HANDLE:alicia.m",
                event(tenant, "chat-1", "CHATBOT", "ENTITY_CAPTURED", chat, "\"entities\": {\"cardLast4\": \"4821\"}"));
        kafka.send(
                "conversation.events",
                tenant + ":CHAT_HANDLE:alicia.m",
                event(tenant, "chat-1", "CHATBOT", "STEP_TRIED", chat, "\"text\": \"blocked the card in the app\""));
        kafka.send(
                "conversation.events",
                tenant + ":CHAT_HANDLE:alicia.m",
                event(
                        tenant,
                        "chat-1",
                        "CHATBOT",
                        "CONTACT_ENDED",
                        chat,
                        "\"outcome\": \"UNRESOLVED\", \"agentId\": \"agent-luc\""));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Api.as(tenant)
                        .get("/customers/{id}/context", "cust-alicia")
                        .then()
                        .body("journey", hasSize(4)));

        String phone = "{\"type\": \"PHONE\", \"value\": \"+33612345678\"}";
        post(tenant, event(tenant, "call-2", "VOICEBOT", "CONTACT_STARTED", phone, "\"language\": \"fr\""));
        post(
                tenant,
                event(
                        tenant,
                        "call-2",
                        "VOICEBOT",
                        "INTENT_DETECTED",
                        phone,
                        "\"text\": \"On m'a volé ma carte ce matin, j'ai très peur\", \"intent\": \"stolen_card\", \"confidence\": 0.93"));
        post(tenant, event(tenant, "call-2", "VOICE", "TRANSFERRED", phone, "\"text\": \"cards → fraud\""));

        Api.as(tenant)
                .when()
                .get("/contacts/{id}/brief", "call-2")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("customerId", equalTo("cust-alicia"))
                .body("displayName", equalTo("Alicia Moreau"))
                .body("register", equalTo("FORMAL"))
                .body("intent", equalTo("stolen_card"))
                .body("capturedEntities.cardLast4", equalTo("4821"))
                .body("alreadyTried", hasItem("blocked the card in the app"))
                .body("story", hasItem(containsString("CHATBOT: customer said")))
                .body("emotionTrajectory.emotion", hasItem("FEAR"))
                .body("transfers", equalTo(1))
                .body("pastContacts[0].contactId", equalTo("chat-1"))
                .body("pastContacts[0].outcome", equalTo("UNRESOLVED"))
                .body("empathyCues", hasItem(containsString("Do not ask again for: cardLast4")))
                .body("empathyCues", hasItem(containsString("say you have their details")));

        Api.as(tenant)
                .when()
                .get("/customers/{id}/routing-features", "cust-alicia")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("language", equalTo("fr"))
                .body("intent", equalTo("stolen_card"))
                .body("priority", equalTo("URGENT"))
                .body("emotion", equalTo("FEAR"))
                .body("lastAgent", equalTo("agent-luc"))
                .body("lastOutcome", equalTo("UNRESOLVED"));
    }

    @Test
    void the_brief_of_an_unknown_contact_is_a_not_found_problem() {
        Api.as("bank-b")
                .when()
                .get("/contacts/{id}/brief", "nobody-called")
                .then()
                .statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType("application/problem+json");
    }

    @Test
    void an_event_with_neither_customer_nor_identity_is_a_problem() {
        post(
                        "bank-b",
                        "{\"eventId\": \"e-x\", \"tenantId\": \"bank-b\", \"channel\": \"CHAT\", \"type\": \"CUSTOMER_MESSAGE\","
                                + " \"occurredAt\": \"2026-11-25T08:00:00Z\"}")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].message", containsString("customerId or identity"));
    }

    private static io.restassured.response.Response post(String tenant, String body) {
        io.restassured.response.Response response =
                Api.as(tenant).contentType(ContentType.JSON).body(body).when().post("/conversation-events");
        return response;
    }

    private static String event(
            String tenant, String contact, String channel, String type, String identity, String extra) {
        return """
                {"eventId": "%s", "tenantId": "%s", "identity": %s, "contactId": "%s", "channel": "%s", "type": "%s",
                 "occurredAt": "%s", %s}
                """.formatted(
                        UUID.randomUUID(), tenant, identity, contact, channel, type, java.time.Instant.now(), extra);
    }
}
