package dev.alicia.context.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.alicia.context.service.CustomerService;
import dev.alicia.kit.api.Ids;
import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Profiles and the story each customer told")
public class CustomerResource {

    private final Caller caller;

    private final CustomerService customers;

    public CustomerResource(CustomerService customers, Caller caller) {
        this.caller = caller;
        this.customers = customers;
    }

    @PUT
    @Path("/profile")
    @Operation(summary = "Create or replace a customer's profile")
    @RolesAllowed({Roles.PLATFORM, Roles.ADMIN})
    public ProfileView saveProfile(
            @PathParam("customerId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String customerId,
            @Valid @NotNull ProfileRequest profile) {
        return customers.saveProfile(caller.tenant(), customerId, profile);
    }

    @DELETE
    @Operation(summary = "Erase everything kept about the customer (profile, identities, story), everywhere")
    @RolesAllowed({Roles.PLATFORM, Roles.ADMIN})
    public Response erase(
            @PathParam("customerId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String customerId) {
        customers.erase(caller.tenant(), customerId);
        return Response.noContent().build();
    }

    @GET
    @Path("/routing-features")
    @Operation(
            summary =
                    "The compact read routing needs: language, register, intent, priority, emotion, last agent and outcome")
    @RolesAllowed({Roles.PLATFORM, Roles.SUPERVISOR})
    public java.util.Map<String, String> routingFeatures(
            @PathParam("customerId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String customerId) {
        return customers.routingFeatures(caller.tenant(), customerId);
    }

    @GET
    @Path("/context")
    @Operation(summary = "The customer's profile, routing features and journey so far")
    @RolesAllowed({Roles.PLATFORM, Roles.SUPERVISOR})
    public ContextView context(
            @PathParam("customerId") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String customerId) {
        return customers.context(caller.tenant(), customerId);
    }
}
