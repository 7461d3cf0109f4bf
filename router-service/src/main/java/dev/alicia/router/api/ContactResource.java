package dev.alicia.router.api;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.alicia.kit.api.ProblemException;
import dev.alicia.kit.api.Tenants;
import dev.alicia.kit.messaging.EventPublisher;
import dev.alicia.router.messaging.ContactArrived;
import dev.alicia.router.messaging.InboundContactsConsumer;
import dev.alicia.router.messaging.RoutingEvent;
import dev.alicia.router.service.RoutingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "Contacts submitted for routing and the decisions taken")
public class ContactResource {

    private final EventPublisher publisher;
    private final RoutingService routing;

    public ContactResource(EventPublisher publisher, RoutingService routing) {
        this.publisher = publisher;
        this.routing = routing;
    }

    /** The REST intake joins the Kafka one: a contact has one path through the router however it came. */
    @POST
    @Operation(summary = "Submit a contact for routing; the decision follows on routing.events")
    public Response submit(@HeaderParam(Tenants.HEADER) String tenant, @Valid @NotNull ContactRequest contact) {
        ContactArrived arrived = new ContactArrived(
                contact.contactId(),
                Tenants.require(tenant),
                contact.customerId(),
                contact.channel(),
                contact.language(),
                contact.intent(),
                Instant.now());
        publisher.publishAndWait(
                InboundContactsConsumer.TOPIC, arrived.tenantId() + ":" + arrived.contactId(), arrived);
        return Response.accepted(arrived)
                .location(URI.create("/contacts/" + arrived.contactId()))
                .build();
    }

    @GET
    @Path("/{contactId}")
    @Operation(summary = "The routing decision for a contact")
    public RoutingEvent decision(@HeaderParam(Tenants.HEADER) String tenant, @PathParam("contactId") String contactId) {
        return routing.decision(Tenants.require(tenant), contactId)
                .orElseThrow(() -> ProblemException.notFound("decision for contact", contactId));
    }
}
