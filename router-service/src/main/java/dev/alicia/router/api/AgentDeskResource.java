package dev.alicia.router.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import dev.alicia.kit.api.Ids;
import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import dev.alicia.router.service.LiveFeeds;
import dev.alicia.router.service.LiveViewsConfig;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/agent-desk")
@Tag(name = "Agent desk", description = "What the agent view at /agent/ needs beyond the public APIs")
public class AgentDeskResource {

    private final Caller caller;

    private final LiveFeeds feeds;
    private final LiveViewsConfig config;

    public AgentDeskResource(LiveFeeds feeds, LiveViewsConfig config, Caller caller) {
        this.caller = caller;
        this.feeds = feeds;
        this.config = config;
    }

    /** Where the other services' APIs are, as the agent's browser reaches them. */
    public record Endpoints(String presenceUrl, String contextUrl) {}

    @GET
    @Path("/endpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The presence and context APIs' base URLs the agent view calls")
    @Authenticated
    public Endpoints endpoints() {
        return new Endpoints(config.presenceUrl(), config.contextUrl());
    }

    @GET
    @Path("/{agentId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "One agent's desk as server-sent events",
            description = "`presence` (status and load) at once and on every change; `routing`: the routing events "
                    + "naming this agent (an offer with its explanation and the handoff brief, the assignment, a "
                    + "release, a transfer, the end), and at once the latest for each contact they hold; "
                    + "`heartbeat` when idle.")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    public Multi<OutboundSseEvent> events(
            @PathParam("agentId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String agentId,
            @Context Sse sse) {
        caller.requireSelfOr(agentId, Roles.SUPERVISOR);
        return LiveStreams.asSse(feeds.desk(caller.tenant(), agentId), sse);
    }
}
