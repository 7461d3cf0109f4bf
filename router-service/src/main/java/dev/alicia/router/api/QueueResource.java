package dev.alicia.router.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import dev.alicia.router.service.QueueStatistics;
import dev.alicia.router.store.RouterStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/queues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues", description = "Live statistics per queue")
public class QueueResource {

    private final Caller caller;

    private final QueueStatistics statistics;
    private final RouterStore store;

    public QueueResource(QueueStatistics statistics, RouterStore store, Caller caller) {
        this.caller = caller;
        this.statistics = statistics;
        this.store = store;
    }

    @GET
    @Operation(summary = "Every queue of the tenant that has seen contacts, with its figures")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public List<QueueStatistics.Figures> all() {
        String tenantId = caller.tenant();
        return store.queues(tenantId).stream()
                .sorted()
                .map(queue -> statistics.figures(tenantId, queue))
                .toList();
    }

    @GET
    @Path("/{queue}/statistics")
    @Operation(summary = "Waiting, longest wait, service level, abandonment, average speed of answer and handle time")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public QueueStatistics.Figures figures(@PathParam("queue") String queue) {
        return statistics.figures(caller.tenant(), queue);
    }
}
