package dev.alicia.router.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import dev.alicia.router.service.LiveFeeds;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/wallboard")
@Tag(name = "Wallboard", description = "The supervisor's live view of queues, agents and decisions")
public class WallboardResource {

    private final Caller caller;

    private final LiveFeeds feeds;

    public WallboardResource(LiveFeeds feeds, Caller caller) {
        this.caller = caller;
        this.feeds = feeds;
    }

    /** The page at /wallboard/ reads this with fetch, so that it sends the same headers as every API call. */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "The tenant's wallboard as server-sent events",
            description = "`figures` (queues: waiting, longest wait, service level, abandonment...; agents by status) "
                    + "at once and whenever they change; `decisions` (the latest, newest first) at once; then each "
                    + "`decision` as it is taken, with its explanation and runners-up; `heartbeat` when idle.")
    @RolesAllowed(Roles.SUPERVISOR)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        return LiveStreams.asSse(feeds.wallboard(caller.tenant()), sse);
    }
}
