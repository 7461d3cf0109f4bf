package dev.alicia.adapters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * REST calls to Alicia's services as one caller of one tenant (a bearer token naming both), JSON in and out as text;
 * any answer but 2xx is an exception naming the call, a 404 a {@link NotFound}. Shared by the adapters and the
 * browser tests.
 */
public final class TenantHttp {

    /** The resource is not there (yet). */
    public static final class NotFound extends IllegalStateException {
        NotFound(String message) {
            super(message);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tenantId;
    private final String authorization;

    /** Calls as the bearer of {@code token}, which was issued for {@code tenantId}. */
    public TenantHttp(String tenantId, String token) {
        this.tenantId = tenantId;
        this.authorization = "Bearer " + token;
    }

    public String tenantId() {
        return tenantId;
    }

    /** Sends {@code json} (none when null) and returns the answer's body. */
    public String send(String method, String url, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 404) {
                throw new NotFound(method + " " + url + " answered 404: " + response.body());
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + url + " interrupted", e);
        }
    }
}
