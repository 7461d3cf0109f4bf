package dev.alicia.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Claims as a verifier returns them. */
    private record Claims(String name, long expiresAt) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @SuppressWarnings("unchecked")
        @Override
        public <T> T getClaim(String claim) {
            return (T) Map.<String, Object>of("sub", name, "exp", expiresAt).get(claim);
        }
    }

    private final Hands clock = new Hands();
    private final AtomicInteger checks = new AtomicInteger();

    private VerifiedTokenCache.Verifier<RuntimeException> expiringIn(Duration validity) {
        long expiresAt = START.plus(validity).getEpochSecond();
        return token -> {
            checks.incrementAndGet();
            return new Claims(token, expiresAt);
        };
    }

    @Test
    void a_desktop_token_is_checked_once_then_trusted_for_the_ttl_then_checked_again() {
        VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofSeconds(60), 100, clock);
        VerifiedTokenCache.Verifier<RuntimeException> verifier = expiringIn(Duration.ofHours(8));

        for (int call = 0; call < 5; call++) {
            assertThat(cache.verified("token-of-camille", verifier).getName()).isEqualTo("token-of-camille");
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(checks).hasValue(1);
        clock.advance(Duration.ofSeconds(20));
        cache.verified("token-of-camille", verifier);

        assertThat(checks).hasValue(2);
        assertThat(cache.trusted()).isEqualTo(4);
        assertThat(cache.verified()).isEqualTo(2);
    }

    @Test
    void a_token_is_never_trusted_past_its_own_expiry() {
        VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofMinutes(5), 100, clock);
        VerifiedTokenCache.Verifier<RuntimeException> verifier = expiringIn(Duration.ofSeconds(30));
        cache.verified("short-lived", verifier);
        clock.advance(Duration.ofSeconds(29));
        cache.verified("short-lived", verifier);
        assertThat(checks).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        cache.verified("short-lived", verifier);

        assertThat(checks).as("at its expiry the verifier decides again").hasValue(2);
    }

    @Test
    void a_refused_token_is_not_remembered_and_its_error_passes_through() {
        VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofSeconds(60), 100, clock);
        VerifiedTokenCache.Verifier<RuntimeException> refusing = token -> {
            checks.incrementAndGet();
            throw new IllegalArgumentException("signature does not match");
        };

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> cache.verified("forged", refusing)).hasMessage("signature does not match");
        }

        assertThat(checks).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void stays_within_its_bound_when_more_desktops_sign_in_than_it_keeps() {
        VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofSeconds(60), 50, clock);
        VerifiedTokenCache.Verifier<RuntimeException> verifier = expiringIn(Duration.ofHours(8));

        for (int agent = 0; agent < 500; agent++) {
            cache.verified("token-" + agent, verifier);
            assertThat(cache.size()).isLessThanOrEqualTo(50);
        }
        cache.verified("token-499", verifier);
        assertThat(checks).as("the latest token is still trusted").hasValue(500);
    }

    @Test
    void with_no_ttl_every_call_is_checked() {
        VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ZERO, 100, clock);
        VerifiedTokenCache.Verifier<RuntimeException> verifier = expiringIn(Duration.ofHours(8));
        cache.verified("token", verifier);
        cache.verified("token", verifier);
        assertThat(checks).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}
