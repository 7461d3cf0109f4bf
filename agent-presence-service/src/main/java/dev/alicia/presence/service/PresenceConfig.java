package dev.alicia.presence.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How live presence behaves. */
@ConfigMapping(prefix = "alicia.presence")
public interface PresenceConfig {

    /** How long an agent wraps up after their last contact ends before they are AVAILABLE again. */
    @WithDefault("PT30S")
    Duration wrapUp();
}
