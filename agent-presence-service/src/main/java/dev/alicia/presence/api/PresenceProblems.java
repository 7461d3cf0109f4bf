package dev.alicia.presence.api;

import jakarta.ws.rs.core.Response;

import dev.alicia.kit.api.Problem;
import dev.alicia.presence.client.model.PresenceRuleViolation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A change the presence rules forbid is a conflict with the agent's current state. */
public class PresenceProblems {

    @ServerExceptionMapper
    public Response ruleViolation(PresenceRuleViolation e) {
        return Response.status(409)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(409, "Illegal presence change", e.getMessage()))
                .build();
    }
}
