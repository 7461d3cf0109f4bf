package dev.alicia.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.alicia.infra.local.LocalSystem;

/**
 * What the tests do through the public REST APIs, as an administrator or a channel platform would: the roster,
 * the routing rules, the customer's profile and story, and contacts arriving.
 */
final class Platform {

    static final String ROUTER = LocalSystem.url("router-service");
    static final String PRESENCE = LocalSystem.url("agent-presence-service");
    static final String CONTEXT = LocalSystem.url("context-service");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tenant;

    Platform(String tenant) {
        this.tenant = tenant;
    }

    String get(String base, String path) {
        return send(base, path, "GET", null);
    }

    String put(String base, String path, String json) {
        return send(base, path, "PUT", json);
    }

    String post(String base, String path, String json) {
        return send(base, path, "POST", json);
    }

    private String send(String base, String path, String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Tenant", tenant)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + base + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
