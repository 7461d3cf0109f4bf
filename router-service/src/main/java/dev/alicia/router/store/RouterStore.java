package dev.alicia.router.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.alicia.kit.redis.LuaScript;
import dev.alicia.router.domain.DistressStreak;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.quarkus.redis.datasource.value.SetArgs;
import io.vertx.mutiny.redis.client.Response;

/**
 * The router's shared state in Redis: contacts in flight, queues, open offers, widening due dates, the
 * emotional-load guard's memory, round-robin cursors and statistics counters. Any router instance can pick up
 * any of it; ownership of a contact moves by removing it from a queue or from the offers, which only one caller
 * can do.
 */
@ApplicationScoped
public class RouterStore {

    /** A contact's state outlives any wait or conversation; then it expires on its own. */
    private static final Duration CONTACT_TTL = Duration.ofDays(1);

    private static final LuaScript ENQUEUE = LuaScript.fromResource(RouterStore.class, "enqueue.lua");
    private static final LuaScript ADMIT = LuaScript.fromResources(RouterStore.class, "side-writes.lua", "admit.lua");
    private static final LuaScript CLAIM = LuaScript.fromResource(RouterStore.class, "claim.lua");
    private static final LuaScript OFFER = LuaScript.fromResources(RouterStore.class, "side-writes.lua", "offer.lua");
    private static final LuaScript CLOSE_OFFER = LuaScript.fromResource(RouterStore.class, "close-offer.lua");
    private static final LuaScript TURN = LuaScript.fromResource(RouterStore.class, "turn.lua");

    private final RedisDataSource redis;
    /** Tenants this instance has put in the registry already: once each, not once per contact. */
    private final Set<String> registered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** {@code tenant|task} → until when another instance holds the turn, as Redis last said. */
    private final Map<String, Long> turnsTaken = new java.util.concurrent.ConcurrentHashMap<>();

    private final ObjectReader reader;
    private final ObjectWriter writer;

    public RouterStore(RedisDataSource redis, ObjectMapper mapper) {
        this.redis = redis;
        this.reader = mapper.readerFor(ContactState.class);
        this.writer = mapper.writerFor(ContactState.class);
    }

    public void save(ContactState state) {
        redis.value(String.class)
                .set(
                        RouterKeys.contact(state.tenantId(), state.contactId()),
                        json(state),
                        new SetArgs().ex(CONTACT_TTL));
    }

    public Optional<ContactState> find(String tenantId, String contactId) {
        String json = redis.value(String.class).get(RouterKeys.contact(tenantId, contactId));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.readValue(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable state of a contact", e);
        }
    }

    /**
     * Records a new contact, taken by this caller at once (in flight until {@code inFlightUntil}, then queued by the
     * sweeper should this router die before offering or queueing it), with what goes with its arrival; false when
     * some instance has seen the contact already (a redelivery).
     */
    public boolean admit(ContactState state, long inFlightUntil, SideWrites alongside) {
        if (!registered.contains(state.tenantId())) {
            redis.set(String.class).sadd(RouterKeys.tenants(), state.tenantId());
            registered.add(state.tenantId());
        }
        List<String> keys = List.of(
                RouterKeys.contact(state.tenantId(), state.contactId()),
                RouterKeys.inFlight(state.tenantId()),
                RouterKeys.queues(state.tenantId()));
        List<String> args = List.of(
                json(state),
                String.valueOf(CONTACT_TTL.toSeconds()),
                state.contactId(),
                String.valueOf(inFlightUntil),
                state.queue());
        return alongside.runWith(ADMIT, redis, keys, args).toLong() == 1L;
    }

    /** Puts the contact (back) in its queue; returns its position (1 = next). */
    public int enqueue(ContactState state, double rank, long wideningDue) {
        List<String> args = List.of(
                state.contactId(),
                String.valueOf(rank),
                String.valueOf(state.queuedAt()),
                state.queue(),
                String.valueOf(wideningDue));
        long zeroBased = ENQUEUE.run(redis, queueKeys(state.tenantId(), state.queue()), args)
                .toLong();
        return (int) zeroBased + 1;
    }

    /**
     * Takes a waiting contact for this caller; false when another instance took it first. Until it is offered or
     * queued again it is in flight, and back in its queue after {@code inFlightUntil} should this router die.
     */
    public boolean claim(String tenantId, String queue, String contactId, long inFlightUntil) {
        return CLAIM.run(redis, queueKeys(tenantId, queue), List.of(contactId, String.valueOf(inFlightUntil), queue))
                        .toLong()
                == 1L;
    }

    private static List<String> queueKeys(String tenantId, String queue) {
        return List.of(
                RouterKeys.queue(tenantId, queue),
                RouterKeys.waitingSince(tenantId, queue),
                RouterKeys.queues(tenantId),
                RouterKeys.widening(tenantId),
                RouterKeys.inFlight(tenantId),
                RouterKeys.waitingQueues(tenantId));
    }

    /** Contacts whose router admitted them or took them from the queue, and died before offering or queueing them. */
    public List<String> inFlightDue(String tenantId, long now, int limit) {
        return due(RouterKeys.inFlight(tenantId), now, limit);
    }

    /**
     * Whether this instance runs the tenant's periodic {@code task} now: true for one caller per {@code periodMillis}
     * across every router instance, so work that reads the whole floor is not multiplied by the instances. An
     * instance told the turn is taken until some time does not ask Redis again before it.
     */
    public boolean takeTurn(String tenantId, String task, long now, long periodMillis) {
        String turn = tenantId + "|" + task;
        Long notBefore = turnsTaken.get(turn);
        if (notBefore != null && now < notBefore) {
            return false;
        }
        Response answer = TURN.run(
                redis,
                List.of(RouterKeys.turns(tenantId)),
                List.of(task, String.valueOf(now), String.valueOf(periodMillis)));
        turnsTaken.put(turn, answer.get(1).toLong());
        return answer.get(0).toLong() == 1L;
    }

    /**
     * Takes the contact out of flight: a stranded one for this caller (false when another instance took it first),
     * or an assignment once it is on the topic.
     */
    public boolean leaveFlight(String tenantId, String contactId) {
        return redis.sortedSet(String.class).zrem(RouterKeys.inFlight(tenantId), contactId) == 1;
    }

    /** The first {@code count} waiting contacts of a queue with their rank, in the order they are served. */
    public List<ScoredValue<String>> head(String tenantId, String queue, int count) {
        return redis.sortedSet(String.class).zrangeWithScores(RouterKeys.queue(tenantId, queue), 0, count - 1L);
    }

    /** The tenant's queues where a contact waits now (none: nobody to serve, whoever frees up). */
    public Set<String> waitingQueues(String tenantId) {
        return redis.set(String.class).smembers(RouterKeys.waitingQueues(tenantId));
    }

    public Set<String> queues(String tenantId) {
        return redis.set(String.class).smembers(RouterKeys.queues(tenantId));
    }

    public Set<String> tenants() {
        return redis.set(String.class).smembers(RouterKeys.tenants());
    }

    public Optional<Integer> position(String tenantId, String queue, String contactId) {
        java.util.OptionalLong rank = redis.sortedSet(String.class).zrank(RouterKeys.queue(tenantId, queue), contactId);
        return rank.isEmpty() ? Optional.empty() : Optional.of((int) rank.getAsLong() + 1);
    }

    public long waiting(String tenantId, String queue) {
        return redis.sortedSet(String.class).zcard(RouterKeys.queue(tenantId, queue));
    }

    /** Since when the longest-waiting contact of the queue waits (epoch ms), if any waits. */
    public Optional<Long> longestWaitingSince(String tenantId, String queue) {
        List<ScoredValue<String>> oldest =
                redis.sortedSet(String.class).zrangeWithScores(RouterKeys.waitingSince(tenantId, queue), 0, 0);
        return oldest.isEmpty()
                ? Optional.empty()
                : Optional.of((long) oldest.get(0).score());
    }

    /** Saves the offered contact and opens its offer, due at {@code deadline}; it is no longer in flight. */
    public void offer(ContactState offered, long deadline) {
        open(offered, String.valueOf(deadline), "", null, SideWrites.NONE);
    }

    /**
     * Saves the contact as assigned or ended; it stays in flight until {@link #leaveFlight}, so that should this
     * router stop before the event is on the topic, the sweeper announces it after {@code inFlightUntil}.
     */
    public void saveInFlight(ContactState state, long inFlightUntil, SideWrites alongside) {
        open(state, "", String.valueOf(inFlightUntil), null, alongside);
    }

    /**
     * {@link #saveInFlight}, only if the saved state is still {@code expected}'s (status and agent): false, with
     * nothing written, when another caller moved the contact on since it was read (an end racing a transfer).
     */
    public boolean saveInFlightIf(ContactState expected, ContactState state, long inFlightUntil, SideWrites alongside) {
        return open(state, "", String.valueOf(inFlightUntil), expected, alongside);
    }

    /** Saves the contact, only if its saved state is still {@code expected}'s (status and agent). */
    public boolean saveIf(ContactState expected, ContactState state) {
        return open(state, "", "", expected, SideWrites.NONE);
    }

    private boolean open(
            ContactState offered, String deadline, String inFlightUntil, ContactState expected, SideWrites alongside) {
        List<String> keys = List.of(
                RouterKeys.contact(offered.tenantId(), offered.contactId()),
                RouterKeys.offers(offered.tenantId()),
                RouterKeys.inFlight(offered.tenantId()));
        List<String> args = List.of(
                json(offered),
                String.valueOf(CONTACT_TTL.toSeconds()),
                offered.contactId(),
                deadline,
                inFlightUntil,
                expected == null ? "" : expected.status().name(),
                expected == null || expected.agentId() == null ? "" : expected.agentId());
        return alongside.runWith(OFFER, redis, keys, args).toLong() == 1L;
    }

    /** Saves the contact where it went after its offer closed (abandoned, queued again); it is no longer in flight. */
    public void settle(ContactState state, SideWrites alongside) {
        open(state, "", "", null, alongside);
    }

    /**
     * Closes an open offer for this caller (accept, reject, timeout or abandon); false when another closed it first.
     * Until the caller saves where the contact went it is in flight, and finished by the sweeper after
     * {@code inFlightUntil} should the caller stop half-way.
     */
    public boolean closeOffer(String tenantId, String contactId, long inFlightUntil) {
        return CLOSE_OFFER
                        .run(
                                redis,
                                List.of(RouterKeys.offers(tenantId), RouterKeys.inFlight(tenantId)),
                                List.of(contactId, String.valueOf(inFlightUntil)))
                        .toLong()
                == 1L;
    }

    /** Whether the contact has an offer open now (not yet accepted, rejected or timed out). */
    public boolean offerOpen(String tenantId, String contactId) {
        return redis.sortedSet(String.class)
                .zscore(RouterKeys.offers(tenantId), contactId)
                .isPresent();
    }

    public List<String> offersDue(String tenantId, long now, int limit) {
        return due(RouterKeys.offers(tenantId), now, limit);
    }

    public List<String> wideningDue(String tenantId, long now, int limit) {
        return due(RouterKeys.widening(tenantId), now, limit);
    }

    public void wideningNext(String tenantId, String contactId, long due) {
        if (due < 0) {
            redis.sortedSet(String.class).zrem(RouterKeys.widening(tenantId), contactId);
        } else {
            redis.sortedSet(String.class).zadd(RouterKeys.widening(tenantId), due, contactId);
        }
    }

    private List<String> due(String key, long now, int limit) {
        return redis.sortedSet(String.class)
                .zrangebyscore(
                        key,
                        new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) now),
                        new ZRangeArgs().limit(0, limit));
    }

    public Map<String, DistressStreak> streaks(String tenantId, List<String> agentIds) {
        Map<String, DistressStreak> streaks = new HashMap<>();
        if (agentIds.isEmpty()) {
            return streaks;
        }
        Map<String, String> raw =
                redis.hash(String.class).hmget(RouterKeys.streaks(tenantId), agentIds.toArray(String[]::new));
        raw.forEach((agent, line) -> {
            if (line != null) {
                String[] parts = line.split(";", 2);
                streaks.put(agent, new DistressStreak(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
            }
        });
        return streaks;
    }

    /** The agent's run of distressed contacts, to write with the contact that changed it. */
    public SideWrites streak(String tenantId, String agentId, DistressStreak streak) {
        return SideWrites.hset(RouterKeys.streaks(tenantId), agentId, streak.inARow() + ";" + streak.coolDownUntil());
    }

    public Optional<String> roundRobinCursor(String tenantId, String queue) {
        return Optional.ofNullable(redis.hash(String.class).hget(RouterKeys.cursors(tenantId), queue));
    }

    public void roundRobinCursor(String tenantId, String queue, String agentId) {
        redis.hash(String.class).hset(RouterKeys.cursors(tenantId), queue, agentId);
    }

    /**
     * Additions to a queue's counters of the interval starting at {@code intervalStart}, kept for {@code keep}, to
     * write with the contact's change.
     */
    public SideWrites counts(
            String tenantId, String queue, long intervalStart, Duration keep, Map<String, Long> deltas) {
        return SideWrites.counters(RouterKeys.statistics(tenantId, queue, intervalStart), deltas, keep.toSeconds());
    }

    /** A queue's counters summed over the given intervals. */
    public Map<String, Long> counters(String tenantId, String queue, List<Long> intervalStarts) {
        Map<String, Long> sums = new HashMap<>();
        for (long start : intervalStarts) {
            redis.hash(String.class)
                    .hgetall(RouterKeys.statistics(tenantId, queue, start))
                    .forEach((counter, value) -> sums.merge(counter, Long.parseLong(value), Long::sum));
        }
        return sums;
    }

    private String json(ContactState state) {
        try {
            return writer.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
