package dev.alicia.router.api;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.alicia.kit.api.ProblemException;
import dev.alicia.kit.messaging.EventPublisher;
import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
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

    private final Caller caller;

    private final EventPublisher publisher;
    private final RoutingService routing;
    private final Decisions decisions;
    private final Outcomes outcomes;

    public ContactResource(
            EventPublisher publisher, RoutingService routing, Decisions decisions, Outcomes outcomes, Caller caller) {
        this.caller = caller;
        this.publisher = publisher;
        this.routing = routing;
        this.decisions = decisions;
        this.outcomes = outcomes;
    }

    /** The REST intake joins the Kafka one: a contact has one path through the router however it came. */
    @POST
    @Operation(summary = "Submit a contact for routing; the decisions follow on routing.events")
    @RolesAllowed(Roles.PLATFORM)
    public Response submit(@Valid @NotNull ContactRequest contact) {
        ContactArrived arrived = new ContactArrived(
                contact.contactId(),
                caller.tenant(),
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
    @RolesAllowed({Roles.PLATFORM, Roles.SUPERVISOR, Roles.AGENT})
    public RoutingService.ContactView contact(@PathParam("contactId") String contactId) {
        RoutingService.ContactView view = routing.view(caller.tenant(), contactId)
                .orElseThrow(() -> ProblemException.notFound("contact", contactId));
        // An agent sees a contact while it is theirs (offered or assigned), as a 404 otherwise: not even its
        // existence leaks.
        if (!caller.hasAnyRole(Roles.PLATFORM, Roles.SUPERVISOR) && !caller.isAgent(view.agentId())) {
            throw ProblemException.notFound("contact", contactId);
        }
        return view;
    }

    @POST
    @Path("/{contactId}/accept")
    @Operation(summary = "The agent accepts the contact offered to them; answers the assignment with the brief")
    @RolesAllowed(Roles.AGENT)
    public RoutingEvent accept(@PathParam("contactId") String contactId, @Valid @NotNull AgentAction action) {
        caller.requireSelfOr(action.agentId());
        RoutingEvent assigned = routing.accept(caller.tenant(), contactId, action.agentId());
        decisions.flush();
        return assigned;
    }

    @POST
    @Path("/{contactId}/reject")
    @Operation(summary = "The agent turns the offer down; it goes to the next best agent")
    @RolesAllowed(Roles.AGENT)
    public Response reject(@PathParam("contactId") String contactId, @Valid @NotNull AgentAction action) {
        caller.requireSelfOr(action.agentId());
        routing.reject(caller.tenant(), contactId, action.agentId(), action.reason());
        decisions.flush();
        return Response.noContent().build();
    }

    @POST
    @Path("/{contactId}/transfer")
    @Operation(summary = "The agent sends the contact to another queue or agent, with a reason")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    public Response transfer(@PathParam("contactId") String contactId, @Valid @NotNull TransferRequest transfer) {
        caller.requireSelfOr(transfer.agentId(), Roles.SUPERVISOR);
        routing.transfer(
                caller.tenant(),
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
    @RolesAllowed({Roles.AGENT, Roles.PLATFORM, Roles.SUPERVISOR})
    public Response end(@PathParam("contactId") String contactId, @Valid @NotNull AgentAction action) {
        caller.requireSelfOr(action.agentId(), Roles.PLATFORM, Roles.SUPERVISOR);
        routing.end(caller.tenant(), contactId, action.agentId(), action.outcome());
        decisions.flush();
        return Response.noContent().build();
    }

    @POST
    @Path("/{contactId}/outcome")
    @Operation(
            summary = "How the contact ended for its agent (resolved, satisfaction, transferred, handle time)",
            description = "Recorded once per contact and agent (a repeat answers 200 with recorded=false) and learned "
                    + "from: predictive routing's estimate of each agent for each kind of contact.")
    @RolesAllowed({Roles.AGENT, Roles.PLATFORM})
    public OutcomeRecorded outcome(@PathParam("contactId") String contactId, @Valid @NotNull OutcomeRequest outcome) {
        caller.requireSelfOr(outcome.agentId(), Roles.PLATFORM);
        boolean recorded = outcomes.report(
                caller.tenant(),
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
    @RolesAllowed(Roles.PLATFORM)
    public Response abandon(@PathParam("contactId") String contactId) {
        routing.abandon(caller.tenant(), contactId);
        decisions.flush();
        return Response.noContent().build();
    }
}
