package dev.alicia.context.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import dev.alicia.context.persistence.CustomerIdentity;
import dev.alicia.context.persistence.CustomerProfile;
import dev.alicia.testing.Api;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "context"))
class ErasureTest {

    @Inject
    RedisDataSource redis;

    @Test
    void erasing_a_customer_removes_every_trace_in_redis_and_the_database_and_tells_the_other_services() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body(
                        "{\"displayName\": \"Alicia Moreau\", \"identities\": [{\"type\": \"PHONE\", \"value\": \"+33600000001\"}]}")
                .put("/customers/{id}/profile", "cust-9")
                .then()
                .statusCode(200);
        Api.as(tenant)
                .contentType(ContentType.JSON)
                .body("""
                        {"eventId": "e-1", "tenantId": "%s", "customerId": "cust-9", "contactId": "call-9",
                         "channel": "VOICE", "type": "CUSTOMER_MESSAGE", "occurredAt": "2026-11-25T08:00:00Z",
                         "text": "Ma carte a été volée"}
                        """.formatted(tenant))
                .post("/conversation-events")
                .then()
                .statusCode(201);
        assertThat(keysOf(tenant)).isNotEmpty();

        Api.as(tenant).when().delete("/customers/{id}", "cust-9").then().statusCode(Status.NO_CONTENT.getStatusCode());

        assertThat(keysOf(tenant)).allSatisfy(key -> assertThat(key).endsWith(":identities"));
        assertThat(redis.hash(String.class).hgetall("context:{" + tenant + "}:identities"))
                .isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustomerProfile.find(tenant, "cust-9")))
                .isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustomerIdentity.of(tenant, "cust-9")))
                .isEmpty();
        try (KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure()) {
            kafka.awaitRecord("context.erasures", r -> r.key().equals(tenant + ":cust-9"));
        }
        Api.as(tenant).get("/customers/{id}/context", "cust-9").then().statusCode(404);
        Api.as(tenant).get("/contacts/{id}/brief", "call-9").then().statusCode(404);
    }

    private List<String> keysOf(String tenant) {
        List<String> keys = new ArrayList<>();
        redis.key()
                .scan(new KeyScanArgs().match("context:{" + tenant + "*"))
                .toIterable()
                .forEach(keys::add);
        return keys;
    }
}
