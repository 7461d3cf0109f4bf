package dev.alicia.context.store;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long customer context is kept, and which signals make a contact urgent for routing. */
@ConfigMapping(prefix = "alicia.context")
public interface ContextStoreConfig {

    /** How long conversation content stays after the customer's last event (renewed by each event). */
    @WithDefault("P30D")
    Duration retention();

    /** Intents that put the customer first in line: their money or safety is at stake right now. */
    @WithDefault("stolen_card,lost_card,card_fraud,fraud,account_hacked,phishing")
    java.util.Set<String> urgentIntents();
}
