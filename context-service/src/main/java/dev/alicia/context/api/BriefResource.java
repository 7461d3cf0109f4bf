package dev.alicia.context.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.context.service.CustomerService;
import dev.alicia.kit.api.Tenants;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contacts/{contactId}/brief")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Handoff brief", description = "What the agent who picks up needs, so nobody asks the customer again")
public class BriefResource {

    private final CustomerService customers;

    public BriefResource(CustomerService customers) {
        this.customers = customers;
    }

    @GET
    @Operation(summary = "The handoff brief of a contact: who, how to address them, the story, feelings, cues")
    public HandoffBrief brief(@HeaderParam(Tenants.HEADER) String tenant, @PathParam("contactId") String contactId) {
        return customers.brief(Tenants.require(tenant), contactId);
    }
}
