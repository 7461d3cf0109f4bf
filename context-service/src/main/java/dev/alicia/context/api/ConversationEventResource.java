package dev.alicia.context.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.alicia.context.messaging.ConversationEvent;
import dev.alicia.context.service.ContextIngestion;
import dev.alicia.kit.api.ProblemException;
import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/conversation-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Conversation events", description = "The REST way in for what Kafka adapters publish")
public class ConversationEventResource {

    private final Caller caller;

    private final ContextIngestion ingestion;

    public ConversationEventResource(ContextIngestion ingestion, Caller caller) {
        this.caller = caller;
        this.ingestion = ingestion;
    }

    @POST
    @Operation(summary = "Append an event to the customer's story (201), or nothing if its id was seen (200)")
    @RolesAllowed(Roles.PLATFORM)
    public Response append(@Valid @NotNull ConversationEvent event) {
        if (!caller.tenant().equals(event.tenantId())) {
            throw ProblemException.invalidField("tenantId", "must be the tenant of the request");
        }
        boolean appended = ingestion.ingest(event);
        return Response.status(appended ? Response.Status.CREATED : Response.Status.OK)
                .build();
    }
}
