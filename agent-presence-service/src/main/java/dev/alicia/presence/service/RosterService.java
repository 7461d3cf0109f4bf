package dev.alicia.presence.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.alicia.kit.api.ProblemException;
import dev.alicia.presence.api.AgentRequest;
import dev.alicia.presence.api.AgentView;
import dev.alicia.presence.domain.AgentStatus;
import dev.alicia.presence.live.LivePresence;
import dev.alicia.presence.messaging.PresenceEvents;
import dev.alicia.presence.persistence.Agent;

/** Adds agents to the roster and changes their status: the database, Redis and the event stay in step. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RosterService {

    private final LivePresence live;
    private final PresenceEvents events;

    public RosterService(LivePresence live, PresenceEvents events) {
        this.live = live;
        this.events = events;
    }

    public AgentView create(String tenantId, AgentRequest request) {
        if (Agent.find(tenantId, request.agentId()).isPresent()) {
            throw ProblemException.conflict("agent '" + request.agentId() + "' is already on the roster");
        }
        Agent agent = new Agent();
        agent.tenantId = tenantId;
        agent.agentId = request.agentId();
        agent.displayName = request.displayName();
        agent.languages = new LinkedHashSet<>(request.languages());
        agent.skills = request.skills().stream()
                .collect(Collectors.toMap(
                        AgentRequest.SkillLevel::name, AgentRequest.SkillLevel::proficiency, (a, b) -> b));
        agent.persist();
        long version = live.write(agent, AgentStatus.OFFLINE);
        events.statusChanged(tenantId, agent.agentId, null, AgentStatus.OFFLINE, version);
        return view(agent, AgentStatus.OFFLINE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgentView get(String tenantId, String agentId) {
        Agent agent = require(tenantId, agentId);
        return view(agent, live.status(tenantId, agentId).orElse(AgentStatus.OFFLINE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgentView changeStatus(String tenantId, String agentId, AgentStatus status) {
        Agent agent = require(tenantId, agentId);
        AgentStatus previous = live.status(tenantId, agentId).orElse(AgentStatus.OFFLINE);
        long version = live.write(agent, status);
        events.statusChanged(tenantId, agentId, previous, status, version);
        return view(agent, status);
    }

    private static Agent require(String tenantId, String agentId) {
        return Agent.find(tenantId, agentId).orElseThrow(() -> ProblemException.notFound("agent", agentId));
    }

    private static AgentView view(Agent agent, AgentStatus status) {
        return new AgentView(
                agent.agentId, agent.displayName, new ArrayList<>(agent.languages), Map.copyOf(agent.skills), status);
    }
}
