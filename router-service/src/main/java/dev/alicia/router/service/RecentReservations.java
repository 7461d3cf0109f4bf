package dev.alicia.router.service;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.alicia.presence.client.model.LiveAgent;

/**
 * What this instance knows of agents it just tried to reserve: their version is now at least one more than the one
 * it read. Contacts routed side by side rank the same best agents first, from reads a moment old; without this, each
 * would try an agent another contact has just taken and learn it only from a failed compare-and-set, one Redis
 * round trip later. It only ever skips a write that would fail (versions only grow while an agent exists), and
 * forgets after a short while, so an agent removed and added again, whose versions start over, is not skipped
 * for long.
 */
final class RecentReservations {

    private static final int BOUND = 100_000;

    private record Known(long atLeast, long at) {}

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long forgetMillis;

    RecentReservations(Clock clock, long forgetMillis) {
        this.clock = clock;
        this.forgetMillis = forgetMillis;
    }

    /** Whether the agent, as read, has certainly changed since: a write based on that read would fail. */
    boolean changedSince(LiveAgent read) {
        String key = key(read);
        Known entry = known.get(key);
        if (entry == null) {
            return false;
        }
        if (clock.millis() - entry.at() > forgetMillis) {
            known.remove(key, entry);
            return false;
        }
        return read.version() < entry.atLeast();
    }

    /** A write based on this read is about to be tried: whatever its fate, the agent's version will have moved on. */
    void attempting(LiveAgent read) {
        if (known.size() >= BOUND) {
            known.clear(); // a crude bound: it only saves round trips
        }
        Known next = new Known(read.version() + 1, clock.millis());
        known.merge(key(read), next, (old, now) -> now.atLeast() >= old.atLeast() ? now : old);
    }

    private static String key(LiveAgent agent) {
        return agent.tenantId() + '\n' + agent.agentId();
    }
}
