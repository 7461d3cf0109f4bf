package dev.alicia.presence.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import dev.alicia.presence.service.RosterService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/capacity-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Capacity profiles", description = "How many contacts per channel an agent handles at once")
public class CapacityProfileResource {

    private final Caller caller;

    private final RosterService roster;

    public CapacityProfileResource(RosterService roster, Caller caller) {
        this.caller = caller;
        this.roster = roster;
    }

    @GET
    @Operation(summary = "The tenant's capacity profiles, including 'standard'")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<CapacityProfileView> list() {
        return roster.profiles(caller.tenant());
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Create or change a profile; agents using it get the new limits at once")
    @RolesAllowed(Roles.ADMIN)
    public CapacityProfileView save(
            @PathParam("name")
                    @Pattern(regexp = "[a-z0-9_-]{1,64}", message = "must be 1-64 lower-case letters, digits, _ or -")
                    String name,
            @Valid @NotNull CapacityProfileRequest profile) {
        return roster.saveProfile(caller.tenant(), name, profile);
    }
}
