package dev.alicia.kit.security;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every service's bearer-token check ({@code JWTParser.parse}, which Quarkus calls for each request) goes through
 * {@link VerifiedTokenCache} first; the other ways of parsing are left as they are.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    static final String METRIC = "alicia.security.tokens.accepted";

    private final JWTParser delegate;
    private final VerifiedTokenCache cache;

    @Inject
    VerifiedTokens(@Delegate JWTParser delegate, TokenCacheConfig config, MeterRegistry registry) {
        this.delegate = delegate;
        this.cache = new VerifiedTokenCache(config.ttl(), config.maxEntries(), Clock.systemUTC());
        FunctionCounter.builder(METRIC, cache, VerifiedTokenCache::trusted)
                .tag("check", "cached")
                .description("Bearer tokens accepted from the cache of verified tokens")
                .register(registry);
        FunctionCounter.builder(METRIC, cache, VerifiedTokenCache::verified)
                .tag("check", "signature")
                .description("Bearer tokens accepted after checking their signature, issuer and expiry")
                .register(registry);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return cache.verified(token, delegate::parse);
    }
}
