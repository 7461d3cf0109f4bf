package dev.alicia.context.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.context.service.CustomerService;
import dev.alicia.kit.api.ProblemException;
import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import dev.alicia.presence.client.redis.LivePresenceStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contacts/{contactId}/brief")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Handoff brief", description = "What the agent who picks up needs, so nobody asks the customer again")
public class BriefResource {

    private final Caller caller;

    private final CustomerService customers;
    private final LivePresenceStore presence;

    public BriefResource(CustomerService customers, LivePresenceStore presence, Caller caller) {
        this.caller = caller;
        this.customers = customers;
        this.presence = presence;
    }

    @GET
    @Operation(summary = "The handoff brief of a contact: who, how to address them, the story, feelings, cues")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    public HandoffBrief brief(@PathParam("contactId") String contactId) {
        String tenant = caller.tenant();
        // An agent reads the briefs of the contacts they hold (offered or in conversation), as presence has them
        // at this instant; anything else is a 404, so not even the contact's existence leaks.
        if (!caller.hasRole(Roles.SUPERVISOR) && !holds(tenant, caller.subject(), contactId)) {
            throw ProblemException.notFound("contact", contactId);
        }
        return customers.brief(tenant, contactId);
    }

    private boolean holds(String tenant, String agentId, String contactId) {
        return presence.find(tenant, agentId)
                .map(agent ->
                        agent.contacts().stream().anyMatch(c -> c.contactId().equals(contactId)))
                .orElse(false);
    }
}
