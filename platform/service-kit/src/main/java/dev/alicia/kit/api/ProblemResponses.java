package dev.alicia.kit.api;

import jakarta.ws.rs.core.Response;

/** Builds the HTTP response for a problem. */
final class ProblemResponses {

    private ProblemResponses() {}

    static Response of(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
