package dev.alicia.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose signature, issuer and expiry were already checked, by their exact text. A desktop sends the same
 * token with every call for hours, and checking an RS256 signature and parsing the claims again each time was a
 * tenth of a router's CPU at load. An entry is trusted for at most {@code ttl} (a rotated or withdrawn signing key
 * is honoured that much later) and never past the token's own expiry.
 */
public final class VerifiedTokenCache {

    /** Checks a token the slow way: signature, issuer, expiry; refuses it with {@code E}. */
    @FunctionalInterface
    public interface Verifier<E extends Exception> {
        JsonWebToken verify(String token) throws E;
    }

    private record Entry(JsonWebToken token, long trustedUntil) {}

    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder trusted = new LongAdder();
    private final LongAdder verified = new LongAdder();

    public VerifiedTokenCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The token as verified, from the cache while trusted, else from {@code verifier} (whose errors pass through). */
    public <E extends Exception> JsonWebToken verified(String token, Verifier<E> verifier) throws E {
        boolean caching = ttlMillis > 0 && maxEntries > 0;
        long now = clock.millis();
        Entry entry = caching ? entries.get(token) : null;
        if (entry != null && now < entry.trustedUntil()) {
            trusted.increment();
            return entry.token();
        }
        JsonWebToken checked = verifier.verify(token);
        verified.increment();
        if (caching) {
            remember(token, checked, entry, now);
        }
        return checked;
    }

    /** Trusts a token just checked until its time to live or its expiry, whichever comes first. */
    private void remember(String token, JsonWebToken checked, Entry stale, long now) {
        long until = now + ttlMillis;
        if (checked.getExpirationTime() > 0) {
            // No grace here: near its end a token is checked again, and the verifier applies its own leeway.
            until = Math.min(until, checked.getExpirationTime() * 1000);
        }
        if (until > now) {
            if (entries.size() >= maxEntries) {
                evict(now);
            }
            entries.put(token, new Entry(checked, until));
        } else if (stale != null) {
            entries.remove(token);
        }
    }

    /** Tokens answered from the cache so far. */
    public long trusted() {
        return trusted.sum();
    }

    /** Tokens checked by the verifier (and accepted) so far. */
    public long verified() {
        return verified.sum();
    }

    /** How many tokens are trusted now. */
    public int size() {
        return entries.size();
    }

    /**
     * The entries no longer trusted; if that frees too little, any others down to three quarters of the bound (they
     * are checked again on their next call: the cache only saves verifications).
     */
    private void evict(long now) {
        entries.values().removeIf(e -> now >= e.trustedUntil());
        java.util.Iterator<String> any = entries.keySet().iterator();
        while (entries.size() >= maxEntries * 3L / 4 && any.hasNext()) {
            any.next();
            any.remove();
        }
    }
}
