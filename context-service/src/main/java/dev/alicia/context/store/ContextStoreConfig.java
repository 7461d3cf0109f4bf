package dev.alicia.context.store;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long customer context is kept. */
@ConfigMapping(prefix = "alicia.context")
public interface ContextStoreConfig {

    /** How long conversation content stays after the customer's last event (renewed by each event). */
    @WithDefault("P30D")
    Duration retention();
}
