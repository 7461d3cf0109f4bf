package dev.alicia.router.api;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.alicia.kit.api.ProblemException;
import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import dev.alicia.router.domain.learning.ArmComparison;
import dev.alicia.router.service.Outcomes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/learning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning", description = "Predictive routing measured against its baseline, continuously")
public class LearningResource {

    private final Caller caller;

    private final Outcomes outcomes;

    public LearningResource(Outcomes outcomes, Caller caller) {
        this.caller = caller;
        this.outcomes = outcomes;
    }

    @GET
    @Path("/report")
    @Operation(
            summary = "Resolution, satisfaction and speed of answer per A/B arm, with 95% confidence intervals",
            description = "Over the outcomes reported in the last `days` days (default 30). The uplift is "
                    + "predictive's first-contact resolution relative to the held-out baseline's.")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public ArmComparison.Report report(@QueryParam("days") Integer days) {
        int window = days == null ? 30 : days;
        if (window < 1 || window > 366) {
            throw ProblemException.invalidField("days", "must be between 1 and 366");
        }
        return outcomes.report(caller.tenant(), Instant.now().minus(Duration.ofDays(window)));
    }
}
