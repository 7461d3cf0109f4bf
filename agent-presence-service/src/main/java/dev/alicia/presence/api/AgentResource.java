package dev.alicia.presence.api;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.alicia.kit.api.Tenants;
import dev.alicia.presence.service.RosterService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents", description = "The roster and each agent's live status")
public class AgentResource {

    private final RosterService roster;

    public AgentResource(RosterService roster) {
        this.roster = roster;
    }

    @POST
    @Operation(summary = "Add an agent to the roster (status OFFLINE)")
    public Response create(@HeaderParam(Tenants.HEADER) String tenant, @Valid @NotNull AgentRequest agent) {
        AgentView created = roster.create(Tenants.require(tenant), agent);
        return Response.created(URI.create("/agents/" + created.agentId()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{agentId}")
    @Operation(summary = "An agent and their live status")
    public AgentView get(@HeaderParam(Tenants.HEADER) String tenant, @PathParam("agentId") String agentId) {
        return roster.get(Tenants.require(tenant), agentId);
    }

    @PUT
    @Path("/{agentId}/presence")
    @Operation(summary = "Change an agent's status, as the agent desktop does")
    public AgentView changeStatus(
            @HeaderParam(Tenants.HEADER) String tenant,
            @PathParam("agentId") String agentId,
            @Valid @NotNull PresenceRequest presence) {
        return roster.changeStatus(Tenants.require(tenant), agentId, presence.status());
    }
}
