package dev.alicia.router.scenarios;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.support.ContactCenterFloor;
import dev.alicia.testing.Api;
import dev.alicia.testing.KafkaTestClient;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class ErasureTest {

    @RegisterExtension
    static final KafkaTestClient kafka = KafkaTestClient.forRealInfrastructure();

    @Inject
    LivePresenceStore presence;

    @Inject
    RedisDataSource redis;

    @Test
    void an_erased_customers_briefs_leave_the_routers_decisions_and_the_decisions_stay_for_audit() {
        ContactCenterFloor floor = new ContactCenterFloor(kafka, presence, redis);
        floor.agent("camille", "fr", "stolen_card", 5);
        floor.context("cust-alicia", Map.of("language", "fr", "intent", "stolen_card"));
        floor.profile("cust-alicia", Map.of("displayName", "Alicia Moreau", "preferredLanguage", "fr"));
        floor.call("call-1", "cust-alicia");
        assertThat(floor.await("call-1", "CONTACT_OFFERED").path("brief").toString())
                .contains("Alicia Moreau");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> recorded(floor, "call-1").contains("Alicia Moreau"));

        kafka.send("context.erasures", floor.tenant + ":cust-alicia", """
                {"eventId": "er-1", "tenantId": "%s", "customerId": "cust-alicia", "erasedAt": "2026-11-26T09:00:00Z"}
                """.formatted(floor.tenant));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(recorded(floor, "call-1"))
                        .doesNotContain("Alicia Moreau")
                        .doesNotContain("\"brief\"")
                        .contains("CONTACT_OFFERED")
                        .contains("camille"));
    }

    private static String recorded(ContactCenterFloor floor, String contactId) {
        return Api.as(floor.tenant)
                .when()
                .get("/contacts/{id}", contactId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
