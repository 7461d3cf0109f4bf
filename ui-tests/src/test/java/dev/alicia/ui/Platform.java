package dev.alicia.ui;

import dev.alicia.adapters.TenantHttp;
import dev.alicia.infra.local.LocalSystem;
import dev.alicia.infra.tokens.DevTokens;

/**
 * What the tests do through the public REST APIs, as the tenant's back office (administrator, supervisor, channel
 * platform) would: the roster,
 * the routing rules, the customer's profile and story, and contacts arriving.
 */
final class Platform {

    static final String ROUTER = LocalSystem.url("router-service");
    static final String PRESENCE = LocalSystem.url("agent-presence-service");
    static final String CONTEXT = LocalSystem.url("context-service");

    private final TenantHttp http;

    Platform(String tenant, DevTokens tokens) {
        this.http = new TenantHttp(tenant, tokens.backOffice(tenant));
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
        return http.send(method, base + path, json);
    }
}
