package dev.alicia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;

import dev.alicia.infra.tokens.DevTokens;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * REST calls as someone: each request carries a bearer token signed by this test JVM's own key pair, which
 * {@link RealInfrastructure} makes the application trust. Roles are the services' ({@code dev.alicia.kit.security.Roles}).
 */
public final class Api {

    public static final String AGENT = DevTokens.AGENT;
    public static final String SUPERVISOR = DevTokens.SUPERVISOR;
    public static final String ADMIN = DevTokens.ADMIN;
    public static final String PLATFORM = DevTokens.PLATFORM;

    private static DevTokens tokens;

    private Api() {}

    /** The test JVM's token issuer; its key pair lives in a temporary directory deleted at exit. */
    public static synchronized DevTokens tokens() {
        if (tokens == null) {
            try {
                var directory = Files.createTempDirectory("alicia-test-keys");
                tokens = DevTokens.inDirectory(directory);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteKeys(directory)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tokens;
    }

    private static void deleteKeys(java.nio.file.Path directory) {
        try {
            Files.deleteIfExists(directory.resolve("private.pem"));
            Files.deleteIfExists(directory.resolve("public.pem"));
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A temporary directory: the system cleans it eventually.
        }
    }

    /** A token for {@code subject} of {@code tenant} with {@code roles}. */
    public static String token(String tenant, String subject, String... roles) {
        return tokens().mint(tenant, subject, Set.of(roles));
    }

    /**
     * The back office of {@code tenant}: administrator, supervisor and channel platform at once, for tests about
     * behaviour rather than access (access has its own tests, role by role).
     */
    public static RequestSpecification as(String tenant) {
        return bearer(tokens().backOffice(tenant));
    }

    public static RequestSpecification asAgent(String tenant, String agentId) {
        return bearer(tokens().agent(tenant, agentId));
    }

    public static RequestSpecification asSupervisor(String tenant) {
        return bearer(token(tenant, "supervisor", SUPERVISOR));
    }

    public static RequestSpecification asAdmin(String tenant) {
        return bearer(token(tenant, "admin", ADMIN));
    }

    public static RequestSpecification asPlatform(String tenant) {
        return bearer(token(tenant, "platform", PLATFORM));
    }

    public static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }
}
