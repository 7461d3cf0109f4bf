package dev.alicia.kit.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a verified bearer token is trusted without checking it again ({@link VerifiedTokenCache}). */
@ConfigMapping(prefix = "alicia.security.verified-tokens")
public interface TokenCacheConfig {

    /** At most this long after its check (0 turns the cache off); never past the token's expiry. */
    @WithDefault("60s")
    Duration ttl();

    /** Most tokens kept: about one per signed-in desktop and platform client. */
    @WithDefault("10000")
    int maxEntries();
}
