package dev.alicia.router.domain;

import java.util.Map;
import java.util.Set;

/** An available agent as the router sees them. */
public record Candidate(String agentId, Set<String> languages, Map<String, Integer> skills) {}
