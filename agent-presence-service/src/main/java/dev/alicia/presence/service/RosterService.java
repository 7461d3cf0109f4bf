package dev.alicia.presence.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import dev.alicia.kit.api.Problem;
import dev.alicia.kit.api.ProblemException;
import dev.alicia.kit.api.Violations;
import dev.alicia.presence.api.AgentRequest;
import dev.alicia.presence.api.AgentView;
import dev.alicia.presence.api.CapacityProfileRequest;
import dev.alicia.presence.api.CapacityProfileView;
import dev.alicia.presence.api.PresenceView;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.Load;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.presence.messaging.PresenceEvents;
import dev.alicia.presence.persistence.Agent;
import dev.alicia.presence.persistence.CapacityProfileEntity;

/**
 * The roster: agents and capacity profiles in the database, mirrored into the live state the router reads.
 * A change of profile keeps the agent's live status and contacts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RosterService {

    private final LivePresenceStore store;
    private final PresenceEvents events;
    private final Validator validator;

    public RosterService(LivePresenceStore store, PresenceEvents events, Validator validator) {
        this.store = store;
        this.events = events;
        this.validator = validator;
    }

    public AgentView create(String tenantId, AgentRequest request) {
        if (Agent.find(tenantId, request.agentId()).isPresent()) {
            throw ProblemException.conflict("agent '" + request.agentId() + "' is already on the roster");
        }
        CapacityProfile capacity = requireProfile(tenantId, request, "capacityProfile");
        Agent agent = fill(new Agent(), tenantId, request);
        agent.persistAndFlush();
        return view(agent, goLive(agent, capacity));
    }

    /**
     * Adds every agent of the batch, or none: all rows are checked first (fields, duplicates, capacity
     * profiles, agents already on the roster) and every error is reported with its row.
     */
    public List<AgentView> importAll(String tenantId, List<AgentRequest> rows, List<String> rowLabels) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            AgentRequest row = rows.get(i);
            String label = rowLabels.get(i);
            if (row == null) {
                errors.add(new Problem.FieldError(label, "must not be null"));
                continue;
            }
            errors.addAll(Violations.asFieldErrors(label + ".", validator.validate(row)));
            if (row.agentId() != null && !seen.add(row.agentId())) {
                errors.add(new Problem.FieldError(label + ".agentId", "appears twice in this import"));
            } else if (row.agentId() != null
                    && Agent.find(tenantId, row.agentId()).isPresent()) {
                errors.add(new Problem.FieldError(label + ".agentId", "is already on the roster"));
            }
            if (profileName(row).matches("[a-z0-9_-]{1,64}")
                    && CapacityProfileEntity.resolve(tenantId, profileName(row)).isEmpty()) {
                errors.add(new Problem.FieldError(label + ".capacityProfile", "no such capacity profile"));
            }
        }
        if (rows.isEmpty()) {
            errors.add(new Problem.FieldError("body", "has no agent to import"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors.size() + " error(s); nothing was imported", errors));
        }
        List<Agent> agents = new ArrayList<>();
        for (AgentRequest row : rows) {
            Agent agent = fill(new Agent(), tenantId, row);
            agent.persist();
            agents.add(agent);
        }
        Agent.flush();
        return agents.stream()
                .map(agent -> view(
                        agent,
                        goLive(
                                agent,
                                CapacityProfileEntity.resolve(tenantId, agent.capacityProfile)
                                        .orElseThrow())))
                .toList();
    }

    public AgentView update(String tenantId, String agentId, AgentRequest request) {
        if (!agentId.equals(request.agentId())) {
            throw ProblemException.invalidField("agentId", "must be the agent of the path");
        }
        Agent agent = require(tenantId, agentId);
        CapacityProfile capacity = requireProfile(tenantId, request, "capacityProfile");
        fill(agent, tenantId, request);
        Optional<LivePresenceStore.Change> change = store.update(
                tenantId,
                agentId,
                live -> live.withProfile(
                        agent.team, agent.languages, agent.skills, agent.channels, capacity, agent.strengths));
        LiveAgent live = change.map(LivePresenceStore.Change::after).orElseGet(() -> goLive(agent, capacity));
        change.filter(c -> c.after() != c.before()).ifPresent(c -> events.changed(c.before(), c.after()));
        return view(agent, live);
    }

    public void delete(String tenantId, String agentId) {
        Agent agent = require(tenantId, agentId);
        Optional<LiveAgent> live = store.find(tenantId, agentId);
        if (live.isPresent() && live.get().load().total() > 0) {
            throw ProblemException.conflict("agent '" + agentId + "' still holds "
                    + live.get().load().total() + " contact(s); remove them once their contacts end");
        }
        agent.delete();
        store.remove(tenantId, agentId);
        events.removed(tenantId, agentId, live.map(LiveAgent::status).orElse(AgentStatus.OFFLINE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgentView get(String tenantId, String agentId) {
        Agent agent = require(tenantId, agentId);
        return view(agent, store.find(tenantId, agentId).orElseGet(() -> goLive(agent)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgentView> list(String tenantId) {
        Map<String, LiveAgent> live = new HashMap<>();
        store.all(tenantId).forEach(agent -> live.put(agent.agentId(), agent));
        return Agent.ofTenant(tenantId).stream()
                .map(agent -> view(agent, live.computeIfAbsent(agent.agentId, id -> goLive(agent))))
                .toList();
    }

    public CapacityProfileView saveProfile(String tenantId, String name, CapacityProfileRequest request) {
        CapacityProfileEntity profile = CapacityProfileEntity.find(tenantId, name)
                .orElseGet(() -> {
                    CapacityProfileEntity created = new CapacityProfileEntity();
                    created.tenantId = tenantId;
                    created.name = name;
                    return created;
                });
        profile.perChannel = new EnumMap<>(request.perChannel());
        profile.maxTotal = request.maxTotal();
        profile.persist();
        CapacityProfile capacity = profile.toModel();
        for (Agent agent : Agent.ofTenant(tenantId)) {
            if (name.equals(agent.capacityProfile)) {
                store.update(
                                tenantId,
                                agent.agentId,
                                live -> live.withProfile(
                                        agent.team,
                                        agent.languages,
                                        agent.skills,
                                        agent.channels,
                                        capacity,
                                        agent.strengths))
                        .filter(c -> c.after() != c.before())
                        .ifPresent(c -> events.changed(c.before(), c.after()));
            }
        }
        return profileView(profile);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CapacityProfileView> profiles(String tenantId) {
        List<CapacityProfileView> views = new ArrayList<>(CapacityProfileEntity.ofTenant(tenantId).stream()
                .map(RosterService::profileView)
                .toList());
        if (views.stream().noneMatch(v -> v.name().equals(CapacityProfileEntity.STANDARD))) {
            CapacityProfile standard = CapacityProfile.standard();
            views.add(
                    0,
                    new CapacityProfileView(
                            CapacityProfileEntity.STANDARD, standard.perChannel(), standard.maxTotal()));
        }
        return views;
    }

    /** Puts a roster agent into live presence, OFFLINE, unless they are there already. */
    LiveAgent goLive(Agent agent) {
        return goLive(
                agent,
                CapacityProfileEntity.resolve(agent.tenantId, agent.capacityProfile)
                        .orElse(CapacityProfile.standard()));
    }

    private LiveAgent goLive(Agent agent, CapacityProfile capacity) {
        LiveAgent offline = new LiveAgent(
                agent.tenantId,
                agent.agentId,
                agent.team,
                AgentStatus.OFFLINE,
                null,
                agent.languages,
                agent.skills,
                agent.channels,
                capacity,
                agent.strengths,
                Load.NONE,
                0,
                0);
        Optional<LiveAgent> created = store.compareAndSet(null, offline);
        created.ifPresent(live -> events.changed(null, live));
        return created.orElseGet(() -> store.find(agent.tenantId, agent.agentId).orElseThrow());
    }

    private static CapacityProfile requireProfile(String tenantId, AgentRequest request, String field) {
        return CapacityProfileEntity.resolve(tenantId, profileName(request))
                .orElseThrow(() -> ProblemException.invalidField(field, "no such capacity profile"));
    }

    private static String profileName(AgentRequest request) {
        return request.capacityProfile() == null ? CapacityProfileEntity.STANDARD : request.capacityProfile();
    }

    private static Agent fill(Agent agent, String tenantId, AgentRequest request) {
        agent.tenantId = tenantId;
        agent.agentId = request.agentId();
        agent.displayName = request.displayName();
        agent.team = request.team();
        agent.languages = new HashMap<>();
        request.languages().forEach(l -> agent.languages.put(l.code(), l.fluency()));
        agent.skills = new HashMap<>();
        request.skills().forEach(s -> agent.skills.put(s.name(), s.proficiency()));
        agent.channels = EnumSet.copyOf(request.channels());
        agent.strengths = request.strengths() == null ? new HashMap<>() : new HashMap<>(request.strengths());
        agent.capacityProfile = profileName(request);
        return agent;
    }

    private static Agent require(String tenantId, String agentId) {
        return Agent.find(tenantId, agentId).orElseThrow(() -> ProblemException.notFound("agent", agentId));
    }

    static AgentView view(Agent agent, LiveAgent live) {
        return new AgentView(
                agent.agentId,
                agent.displayName,
                agent.team,
                new TreeMap<>(agent.languages),
                new TreeMap<>(agent.skills),
                agent.channels.isEmpty() ? Set.of() : EnumSet.copyOf(agent.channels),
                agent.capacityProfile,
                new LinkedHashMap<>(new TreeMap<>(agent.strengths)),
                PresenceView.of(live));
    }

    private static CapacityProfileView profileView(CapacityProfileEntity profile) {
        return new CapacityProfileView(profile.name, new EnumMap<>(profile.perChannel), profile.maxTotal);
    }
}
