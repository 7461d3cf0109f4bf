package dev.alicia.presence.api;

import java.util.Map;
import java.util.Set;

import dev.alicia.presence.client.model.Channel;

/** An agent of the roster with their live presence. */
public record AgentView(
        String agentId,
        String displayName,
        String team,
        Map<String, Integer> languages,
        Map<String, Integer> skills,
        Set<Channel> channels,
        String capacityProfile,
        Map<String, Double> strengths,
        PresenceView presence) {}
