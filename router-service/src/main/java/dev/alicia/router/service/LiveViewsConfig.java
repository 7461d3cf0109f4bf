package dev.alicia.router.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The supervisor wallboard and the agent view the router serves: how live they are and where the other APIs are. */
@ConfigMapping(prefix = "alicia.ui")
public interface LiveViewsConfig {

    /** How often the wallboard's queue and agent figures are read again; sent only when they changed. */
    @WithDefault("PT1S")
    Duration wallboardInterval();

    /** How often an idle live stream says it is still there, so proxies and browsers keep it open. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** How many of the latest routing decisions a wallboard shows. */
    @WithDefault("12")
    int recentDecisions();

    /**
     * The agent-presence-service base URL as the agent's browser reaches it (it calls it directly, allowed by that
     * service's CORS origins).
     */
    @WithDefault("http://localhost:8081")
    String presenceUrl();

    /** The context-service base URL as the agent's browser reaches it, for the handoff brief. */
    @WithDefault("http://localhost:8082")
    String contextUrl();
}
