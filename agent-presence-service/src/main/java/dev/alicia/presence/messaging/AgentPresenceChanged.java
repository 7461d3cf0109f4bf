package dev.alicia.presence.messaging;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.Channel;

/**
 * Published on {@value PresenceEvents#TOPIC} for every change of an agent's live state, keyed
 * {@code <tenantId>:<agentId>}: routers re-match waiting contacts as soon as {@code routableChannels} grows.
 */
public record AgentPresenceChanged(
        String eventId,
        String tenantId,
        String agentId,
        AgentStatus status,
        AgentStatus previousStatus,
        String breakReason,
        Map<Channel, Integer> load,
        Set<Channel> routableChannels,
        Instant idleSince,
        boolean removed,
        long version,
        Instant occurredAt) {

    /** Channels and loads in the channels' declared order, so the same state always reads the same. */
    public AgentPresenceChanged {
        load = load == null || load.isEmpty() ? Map.of() : new EnumMap<>(load);
        routableChannels =
                routableChannels == null || routableChannels.isEmpty() ? Set.of() : EnumSet.copyOf(routableChannels);
    }
}
