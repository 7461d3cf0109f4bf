package dev.alicia.presence.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.alicia.infra.tokens.DevTokens;
import dev.alicia.testing.Api;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Who may do what with the roster and presence: every role is refused what is not its job, every tenant is alone. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class AccessControlTest {

    @Test
    void only_an_administrator_changes_the_roster() {
        String tenant = newTenant();
        for (var caller : Map.of(
                        "agent", Api.asAgent(tenant, "camille"),
                        "supervisor", Api.asSupervisor(tenant),
                        "platform", Api.asPlatform(tenant))
                .entrySet()) {
            caller.getValue()
                    .contentType(ContentType.JSON)
                    .body(RosterFixtures.camille("camille"))
                    .when()
                    .post("/agents")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.asAdmin(tenant)
                .contentType(ContentType.JSON)
                .body(RosterFixtures.camille("camille"))
                .when()
                .post("/agents")
                .then()
                .statusCode(201);
        Api.asAgent(tenant, "camille")
                .contentType(ContentType.JSON)
                .body(RosterFixtures.camille("camille"))
                .when()
                .put("/agents/camille")
                .then()
                .statusCode(403);
        Api.asSupervisor(tenant).when().delete("/agents/camille").then().statusCode(403);
        Api.asSupervisor(tenant)
                .contentType(ContentType.JSON)
                .body("{\"perChannel\": {\"CHAT\": 3}, \"maxTotal\": 3}")
                .when()
                .put("/capacity-profiles/triple")
                .then()
                .statusCode(403);
    }

    @Test
    void an_agent_sees_and_sets_their_own_presence_and_nobody_elses() {
        String tenant = newTenant();
        admit(tenant, "camille");
        admit(tenant, "luc");

        Api.asAgent(tenant, "camille").when().get("/agents/camille").then().statusCode(200);
        Api.asAgent(tenant, "camille")
                .contentType(ContentType.JSON)
                .body("{\"status\": \"AVAILABLE\"}")
                .when()
                .put("/agents/camille/presence")
                .then()
                .statusCode(200)
                .body("status", equalTo("AVAILABLE"));

        Api.asAgent(tenant, "camille").when().get("/agents/luc").then().statusCode(403);
        Api.asAgent(tenant, "camille")
                .contentType(ContentType.JSON)
                .body("{\"status\": \"AVAILABLE\"}")
                .when()
                .put("/agents/luc/presence")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Api.asAgent(tenant, "camille").when().get("/agents").then().statusCode(403);
        Api.asAgent(tenant, "camille").when().get("/statistics").then().statusCode(403);

        // A supervisor may sign anyone out (the agent who left without doing so), and sees the floor.
        Api.asSupervisor(tenant)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"OFFLINE\"}")
                .when()
                .put("/agents/camille/presence")
                .then()
                .statusCode(200)
                .body("status", equalTo("OFFLINE"));
        Api.asSupervisor(tenant).when().get("/statistics").then().statusCode(200);
        Api.asPlatform(tenant).when().get("/statistics").then().statusCode(403);
    }

    @Test
    void a_tenant_never_sees_another_tenants_agents() {
        String bankA = newTenant();
        String bankB = newTenant();
        admit(bankB, "camille");

        Api.asAdmin(bankA).when().get("/agents/camille").then().statusCode(404);
        Api.asAdmin(bankA).when().get("/agents").then().body("agentId", not(hasItem("camille")));
        // The same agent id in bank A is another person: bank B's token cannot act on them either.
        admit(bankA, "camille");
        Api.asAgent(bankB, "camille")
                .contentType(ContentType.JSON)
                .body("{\"status\": \"AVAILABLE\"}")
                .when()
                .put("/agents/camille/presence")
                .then()
                .statusCode(200);
        Api.asAdmin(bankA).when().get("/agents/camille/presence").then().body("status", equalTo("OFFLINE"));
    }

    @Test
    void a_missing_expired_forged_or_foreign_token_is_refused_with_401() {
        String tenant = newTenant();
        given().when().get("/agents").then().statusCode(401).contentType("application/problem+json");

        Map<String, Object> expired = claims(tenant);
        expired.put("exp", System.currentTimeMillis() / 1000 - 60);
        Api.bearer(Api.tokens().sign(expired)).when().get("/agents").then().statusCode(401);

        Map<String, Object> foreignIssuer = claims(tenant);
        foreignIssuer.put("iss", "https://somebody-else.example");
        Api.bearer(Api.tokens().sign(foreignIssuer))
                .when()
                .get("/agents")
                .then()
                .statusCode(401);

        DevTokens stranger = DevTokens.inDirectory(tempDirectory());
        Api.bearer(stranger.mint(tenant, "admin", Set.of(Api.ADMIN)))
                .when()
                .get("/agents")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        Api.bearer("not-a-jwt").when().get("/agents").then().statusCode(401);
    }

    @Test
    void a_desktop_token_is_verified_once_then_trusted_on_its_next_calls() {
        String token = Api.tokens().mint(newTenant(), "admin", Set.of(Api.ADMIN));
        double verified = tokensAccepted("signature");
        double trusted = tokensAccepted("cached");

        for (int call = 0; call < 3; call++) {
            Api.bearer(token).when().get("/agents").then().statusCode(200);
        }

        assertThat(tokensAccepted("signature")).isEqualTo(verified + 1);
        assertThat(tokensAccepted("cached")).isEqualTo(trusted + 2);
    }

    @Test
    void a_token_without_a_tenant_is_refused() {
        Api.bearer(Api.tokens().mint(null, "admin", Set.of(Api.ADMIN), Duration.ofMinutes(5)))
                .when()
                .get("/agents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static Map<String, Object> claims(String tenant) {
        Map<String, Object> claims = new LinkedHashMap<>();
        long now = System.currentTimeMillis() / 1000;
        claims.put("iss", DevTokens.ISSUER);
        claims.put("sub", "admin");
        claims.put("upn", "admin");
        claims.put("tenant", tenant);
        claims.put("groups", Set.of(Api.ADMIN));
        claims.put("iat", now - 120);
        claims.put("exp", now + 600);
        return claims;
    }

    private static java.nio.file.Path tempDirectory() {
        try {
            java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("stranger-keys");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void admit(String tenant, String agentId) {
        RosterFixtures.createCamille(tenant, agentId);
    }

    /** The services' count of bearer tokens accepted by the given check, from their Prometheus metrics. */
    private static double tokensAccepted(String check) {
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher line = Pattern.compile(
                        "(?m)^alicia_security_tokens_accepted_total\\{check=\"" + check + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static String newTenant() {
        return RosterFixtures.newTenant();
    }
}
