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
import dev.alicia.router.service.Decisions;
import dev.alicia.router.service.Outcomes;
import dev.alicia.router.service.RoutingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "Contacts submitted for routing, offers answered by agents, and decisions")
// Every action answers once the decisions it led to are on routing.events.
public class ContactResource {

    private final EventPublisher publisher;
    private final RoutingService routing;
    private final Decisions decisions;
    private final Outcomes outcomes;

    public ContactResource(EventPublisher publisher, RoutingService routing, Decisions decisions, Outcomes outcomes) {
        this.publisher = publisher;
        this.routing = routing;
        this.decisions = decisions;
        this.outcomes = outcomes;
    }

    /** The REST intake joins the Kafka one: a contact has one path through the router however it came. */
    @POST
    @Operation(summary = "Submit a contact for routing; the decisions follow on routing.events")
    public Response submit(@HeaderParam(Tenants.HEADER) String tenant, @Valid @NotNull ContactRequest contact) {
        ContactArrived arrived = new ContactArrived(
                contact.contactId(),
                Tenants.require(tenant),
                contact.customerId(),
                contact.channel(),
                contact.language(),
                contact.intent(),
                contact.tier(),
                Instant.now());
        publisher.publishAndWait(
                InboundContactsConsumer.TOPIC, arrived.tenantId() + ":" + arrived.contactId(), arrived);
        return Response.accepted(arrived)
                .location(URI.create("/contacts/" + arrived.contactId()))
                .build();
    }

    @GET
    @Path("/{contactId}")
    @Operation(summary = "Where a contact stands (position and estimated wait while waiting) and every decision")
    public RoutingService.ContactView contact(
            @HeaderParam(Tenants.HEADER) String tenant, @PathParam("contactId") String contactId) {
        return routing.view(Tenants.require(tenant), contactId)
                .orElseThrow(() -> ProblemException.notFound("contact", contactId));
    }

    @POST
    @Path("/{contactId}/accept")
    @Operation(summary = "The agent accepts the contact offered to them; answers the assignment with the brief")
    public RoutingEvent accept(
            @HeaderParam(Tenants.HEADER) String tenant,
            @PathParam("contactId") String contactId,
            @Valid @NotNull AgentAction action) {
        RoutingEvent assigned = routing.accept(Tenants.require(tenant), contactId, action.agentId());
        decisions.flush();
        return assigned;
    }

    @POST
    @Path("/{contactId}/reject")
    @Operation(summary = "The agent turns the offer down; it goes to the next best agent")
    public Response reject(
            @HeaderParam(Tenants.HEADER) String tenant,
            @PathParam("contactId") String contactId,
            @Valid @NotNull AgentAction action) {
        routing.reject(Tenants.require(tenant), contactId, action.agentId(), action.reason());
        decisions.flush();
        return Response.noContent().build();
    }

    @POST
    @Path("/{contactId}/transfer")
    @Operation(summary = "The agent sends the contact to another queue or agent, with a reason")
    public Response transfer(
            @HeaderParam(Tenants.HEADER) String tenant,
            @PathParam("contactId") String contactId,
            @Valid @NotNull TransferRequest transfer) {
        routing.transfer(
                Tenants.require(tenant),
                contactId,
                transfer.agentId(),
                transfer.toQueue(),
                transfer.toAgentId(),
                transfer.reason());
        decisions.flush();
        return Response.noContent().build();
    }

    @POST
    @Path("/{contactId}/end")
    @Operation(summary = "The conversation is over; the agent wraps up")
    public Response end(
            @HeaderParam(Tenants.HEADER) String tenant,
            @PathParam("contactId") String contactId,
            @Valid @NotNull AgentAction action) {
        routing.end(Tenants.require(tenant), contactId, action.agentId(), action.outcome());
        decisions.flush();
        return Response.noContent().build();
    }

    @POST
    @Path("/{contactId}/outcome")
    @Operation(
            summary = "How the contact ended for its agent (resolved, satisfaction, transferred, handle time)",
            description = "Recorded once per contact and agent (a repeat answers 200 with recorded=false) and learned "
                    + "from: predictive routing's estimate of each agent for each kind of contact.")
    public OutcomeRecorded outcome(
            @HeaderParam(Tenants.HEADER) String tenant,
            @PathParam("contactId") String contactId,
            @Valid @NotNull OutcomeRequest outcome) {
        boolean recorded = outcomes.report(
                Tenants.require(tenant),
                contactId,
                new Outcomes.Report(
                        outcome.agentId(),
                        outcome.resolved(),
                        outcome.satisfaction(),
                        Boolean.TRUE.equals(outcome.transferred()),
                        outcome.handleSeconds(),
                        outcome.endEmotion()));
        return new OutcomeRecorded(contactId, outcome.agentId(), recorded);
    }

    /** Whether this report was recorded, or had been already. */
    public record OutcomeRecorded(String contactId, String agentId, boolean recorded) {}

    @POST
    @Path("/{contactId}/abandon")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The customer left while waiting or being offered (from the channel platform)")
    public Response abandon(@HeaderParam(Tenants.HEADER) String tenant, @PathParam("contactId") String contactId) {
        routing.abandon(Tenants.require(tenant), contactId);
        decisions.flush();
        return Response.noContent().build();
    }
}
