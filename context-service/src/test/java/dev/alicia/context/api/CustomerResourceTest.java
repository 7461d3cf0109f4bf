package dev.alicia.context.api;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import dev.alicia.context.client.model.Register;
import dev.alicia.context.persistence.CustomerProfile;
import dev.alicia.testing.Api;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "context"))
class CustomerResourceTest {

    @Inject
    RedisDataSource redis;

    @Test
    void a_customer_profile_is_kept_in_postgresql_with_how_they_like_to_be_addressed() {
        String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);

        Api.as("bank-b")
                .contentType(ContentType.JSON)
                .body("{\"displayName\": \"Alicia Moreau\", \"preferredLanguage\": \"fr\", \"register\": \"FORMAL\"}")
                .when()
                .put("/customers/{id}/profile", customer)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("register", equalTo("FORMAL"));

        CustomerProfile stored = CustomerProfile.find("bank-b", customer).orElseThrow();
        assertThat(redis.hash(String.class).hgetall("context:{bank-b:" + customer + "}:profile"))
                .containsEntry("displayName", "Alicia Moreau")
                .containsEntry("register", "FORMAL");
        assertThat(stored.displayName).isEqualTo("Alicia Moreau");
        assertThat(stored.register).isEqualTo(Register.FORMAL);

        Api.as("bank-b")
                .when()
                .get("/customers/{id}/context", customer)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("profile.displayName", equalTo("Alicia Moreau"));
    }

    @Test
    void an_unknown_register_is_a_problem_naming_the_field() {
        Api.as("bank-b")
                .contentType(ContentType.JSON)
                .body("{\"displayName\": \"Alicia\", \"register\": \"CASUAL\"}")
                .when()
                .put("/customers/{id}/profile", "cust-1")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("register"));
    }

    @Test
    void a_customer_nobody_knows_is_a_not_found_problem() {
        Api.as("bank-b")
                .when()
                .get("/customers/{id}/context", "cust-unknown")
                .then()
                .statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType("application/problem+json");
    }
}
