package dev.alicia.presence.api;

import java.util.List;
import java.util.Map;

import dev.alicia.presence.domain.AgentStatus;

/** An agent of the roster with their live status. */
public record AgentView(
        String agentId, String displayName, List<String> languages, Map<String, Integer> skills, AgentStatus status) {}
