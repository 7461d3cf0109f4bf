package dev.alicia.presence.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.service.PresenceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Live counts by status and occupancy, per team and per agent")
public class StatisticsResource {

    private final Caller caller;

    private final PresenceService presence;

    public StatisticsResource(PresenceService presence, Caller caller) {
        this.caller = caller;
        this.presence = presence;
    }

    /** Agents by status and mean occupancy of those working (AVAILABLE or BUSY). */
    public record Counts(Map<AgentStatus, Integer> byStatus, int contacts, double occupancy) {}

    public record TeamStatistics(String team, Counts counts) {}

    public record AgentStatistics(String agentId, String team, AgentStatus status, int contacts, double occupancy) {}

    public record Statistics(Counts tenant, List<TeamStatistics> teams, List<AgentStatistics> agents) {}

    @GET
    @Operation(summary = "The tenant's live statistics")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Statistics statistics() {
        List<LiveAgent> agents = presence.all(caller.tenant());
        Map<String, List<LiveAgent>> byTeam = new TreeMap<>();
        List<AgentStatistics> perAgent = new ArrayList<>();
        for (LiveAgent agent : agents) {
            byTeam.computeIfAbsent(agent.team() == null ? "(none)" : agent.team(), t -> new ArrayList<>())
                    .add(agent);
            perAgent.add(new AgentStatistics(
                    agent.agentId(), agent.team(), agent.status(), agent.load().total(), agent.occupancy()));
        }
        perAgent.sort((a, b) -> a.agentId().compareTo(b.agentId()));
        List<TeamStatistics> teams = new ArrayList<>();
        byTeam.forEach((team, members) -> teams.add(new TeamStatistics(team, counts(members))));
        return new Statistics(counts(agents), teams, perAgent);
    }

    private static Counts counts(List<LiveAgent> agents) {
        Map<AgentStatus, Integer> byStatus = new EnumMap<>(AgentStatus.class);
        for (AgentStatus status : AgentStatus.values()) {
            byStatus.put(status, 0);
        }
        int contacts = 0;
        double occupancy = 0;
        int working = 0;
        for (LiveAgent agent : agents) {
            byStatus.merge(agent.status(), 1, Integer::sum);
            contacts += agent.load().total();
            if (agent.status().acceptsWork()) {
                occupancy += agent.occupancy();
                working++;
            }
        }
        return new Counts(byStatus, contacts, working == 0 ? 0 : occupancy / working);
    }
}
