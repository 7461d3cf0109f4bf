package dev.alicia.presence.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.alicia.presence.client.model.ActiveContact;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;

/** What an agent is doing now. */
public record PresenceView(
        AgentStatus status,
        String breakReason,
        Map<Channel, Integer> load,
        List<String> contacts,
        Set<Channel> routableChannels,
        double occupancy,
        Instant idleSince,
        long version) {

    public static PresenceView of(LiveAgent agent) {
        return new PresenceView(
                agent.status(),
                agent.breakReason(),
                agent.load().byChannel(),
                agent.contacts().stream().map(ActiveContact::contactId).toList(),
                agent.routableChannels(),
                agent.occupancy(),
                agent.idleSince() == 0 ? null : Instant.ofEpochMilli(agent.idleSince()),
                agent.version());
    }
}
