package dev.alicia.presence.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.alicia.kit.api.Ids;
import dev.alicia.kit.api.ProblemException;
import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.presence.service.PresenceService;
import dev.alicia.presence.service.RosterService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The roster and live presence. Every agent id in a path is checked like one in a body ({@link Ids#ENTITY}): a NUL
 * in one reached PostgreSQL and answered 500 (found by the REST fuzz test), and ids become Redis keys.
 */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents", description = "The roster and each agent's live presence")
public class AgentResource {

    private final Caller caller;

    private final RosterService roster;
    private final PresenceService presence;
    private final LivePresenceStore store;

    public AgentResource(RosterService roster, PresenceService presence, LivePresenceStore store, Caller caller) {
        this.caller = caller;
        this.roster = roster;
        this.presence = presence;
        this.store = store;
    }

    @POST
    @Operation(summary = "Add an agent to the roster (OFFLINE until they log in)")
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull AgentRequest agent) {
        AgentView created = roster.create(caller.tenant(), agent);
        return Response.created(URI.create("/agents/" + created.agentId()))
                .entity(created)
                .build();
    }

    @POST
    @Path("/import")
    @Operation(summary = "Add a whole floor at once from a JSON array: all agents or none, with every error by row")
    @RolesAllowed(Roles.ADMIN)
    public Response importJson(@NotNull List<AgentRequest> agents) {
        List<String> labels =
                IntStream.range(0, agents.size()).mapToObj(i -> "[" + i + "]").toList();
        return imported(roster.importAll(caller.tenant(), agents, labels));
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @Operation(
            summary = "Add a whole floor at once from CSV (header agentId,displayName,team,languages,skills,"
                    + "channels,capacityProfile,strengths): all agents or none")
    @RolesAllowed(Roles.ADMIN)
    public Response importCsv(String csv) {
        String tenantId = caller.tenant();
        RosterCsv.Rows rows = RosterCsv.parse(csv == null ? "" : csv);
        return imported(roster.importAll(tenantId, rows.agents(), rows.labels()));
    }

    @GET
    @Operation(summary = "The tenant's roster with live presence")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<AgentView> list() {
        return roster.list(caller.tenant());
    }

    @GET
    @Path("/eligible")
    @Operation(summary = "The agents a contact could be offered to now: channel, language and skills (name:level)")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.PLATFORM})
    public List<EligibleAgentView> eligible(
            @QueryParam("channel") @NotNull Channel channel,
            @QueryParam("language") @Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE) String language,
            @QueryParam("skill") List<@Pattern(regexp = "[a-z0-9_-]{1,64}(:[1-5])?") String> skills,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        Map<String, Integer> minimum = new LinkedHashMap<>();
        for (String skill : skills == null ? List.<String>of() : skills) {
            String[] pair = skill.split(":", 2);
            minimum.put(pair[0], pair.length == 2 ? Integer.parseInt(pair[1]) : 1);
        }
        List<EligibleAgentView> views = new ArrayList<>();
        for (LiveAgent agent : store.eligible(caller.tenant(), channel, language, minimum, limit)) {
            views.add(new EligibleAgentView(
                    agent.agentId(), agent.languages(), agent.skills(), agent.strengths(), PresenceView.of(agent)));
        }
        return views;
    }

    @GET
    @Path("/{agentId}")
    @Operation(summary = "An agent and their live presence")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public AgentView get(
            @PathParam("agentId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String agentId) {
        caller.requireSelfOr(agentId, Roles.SUPERVISOR, Roles.ADMIN);
        return roster.get(caller.tenant(), agentId);
    }

    @PUT
    @Path("/{agentId}")
    @Operation(summary = "Replace an agent's profile; their live status and contacts stay")
    @RolesAllowed(Roles.ADMIN)
    public AgentView update(
            @PathParam("agentId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String agentId,
            @Valid @NotNull AgentRequest agent) {
        return roster.update(caller.tenant(), agentId, agent);
    }

    @DELETE
    @Path("/{agentId}")
    @Operation(summary = "Remove an agent from the roster (refused while they hold contacts)")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(
            @PathParam("agentId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String agentId) {
        roster.delete(caller.tenant(), agentId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{agentId}/presence")
    @Operation(summary = "What the agent is doing now")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public PresenceView presence(
            @PathParam("agentId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String agentId) {
        caller.requireSelfOr(agentId, Roles.SUPERVISOR, Roles.ADMIN);
        return PresenceView.of(presence.current(caller.tenant(), agentId));
    }

    @PUT
    @Path("/{agentId}/presence")
    @Operation(summary = "The agent chooses OFFLINE, AVAILABLE or BREAK (with a reason); illegal changes are 409")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public PresenceView choose(
            @PathParam("agentId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String agentId,
            @Valid @NotNull PresenceRequest request) {
        caller.requireSelfOr(agentId, Roles.SUPERVISOR, Roles.ADMIN);
        return PresenceView.of(presence.choose(caller.tenant(), agentId, request.status(), request.reason()));
    }

    private static Response imported(List<AgentView> agents) {
        if (agents.isEmpty()) {
            throw ProblemException.invalidField("body", "has no agent to import");
        }
        return Response.status(Response.Status.CREATED)
                .entity(new ImportResult(agents.size(), agents))
                .build();
    }

    /** How many agents an import added, and them. */
    public record ImportResult(int imported, List<AgentView> agents) {}

    /** An agent a contact could be offered to. */
    public record EligibleAgentView(
            String agentId,
            Map<String, Integer> languages,
            Map<String, Integer> skills,
            Map<String, Double> strengths,
            PresenceView presence) {}
}
