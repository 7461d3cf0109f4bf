package dev.alicia.kit.api;

import java.util.List;

/** Thrown by a service to answer with a problem: unknown resource, illegal transition, invalid field. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(Problem.of(404, "Not found", what + " '" + id + "' does not exist"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    /** The caller is who they say, but their role or identity does not allow this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.invalid(
                "The request has an invalid field: " + field, List.of(new Problem.FieldError(field, message))));
    }
}
