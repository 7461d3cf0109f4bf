package dev.alicia.presence.api;

import java.util.UUID;

import jakarta.ws.rs.core.Response.Status;

import dev.alicia.testing.Api;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Agents and requests for the specifications of this service. */
final class RosterFixtures {

    private RosterFixtures() {}

    static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Camille: French native and English, fraud expert, very empathetic; voice and chat, standard capacity. */
    static String camille(String agentId) {
        return """
                {"agentId": "%s", "displayName": "Camille Martin", "team": "fraud",
                 "languages": [{"code": "fr", "fluency": 5}, {"code": "en", "fluency": 4}],
                 "skills": [{"name": "stolen_card", "proficiency": 5}, {"name": "billing", "proficiency": 2}],
                 "channels": ["VOICE", "CHAT"], "strengths": {"empathy": 0.95, "deescalation": 0.8}}
                """.formatted(agentId);
    }

    static ValidatableResponse create(String tenant, String json) {
        return Api.as(tenant)
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/agents")
                .then();
    }

    static void createCamille(String tenant, String agentId) {
        create(tenant, camille(agentId)).statusCode(Status.CREATED.getStatusCode());
    }

    static ValidatableResponse choose(String tenant, String agentId, String status, String reason) {
        String body = reason == null
                ? "{\"status\": \"%s\"}".formatted(status)
                : "{\"status\": \"%s\", \"reason\": \"%s\"}".formatted(status, reason);
        return Api.as(tenant)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/agents/{id}/presence", agentId)
                .then();
    }
}
