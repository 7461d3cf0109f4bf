package dev.alicia.kit.api;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.alicia.kit.redis.UnsafeIdException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a client can see, mapped once for all services to {@code application/problem+json}. These
 * take precedence over Quarkus's built-in mappers (which answer in plain text) for the same types.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e.problem());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticated("This API needs a bearer token (Authorization: Bearer <JWT>)");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated("The bearer token is malformed, expired, or not signed by the trusted issuer");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(Problem.of(403, "Forbidden", "Your role does not allow this operation"));
    }

    private static Response unauthenticated(String detail) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(401, "Unauthorized", detail)))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(Violations.fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return ProblemResponses.of(Problem.invalid(describe(errors), errors));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e) {
        List<Problem.FieldError> errors =
                List.of(new Problem.FieldError("body", "is not well-formed JSON (line " + line(e) + ")"));
        return ProblemResponses.of(Problem.invalid("The request body is not well-formed JSON", errors));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        if (JsonPaths.isSyntaxError(e)) {
            List<Problem.FieldError> errors = List.of(new Problem.FieldError("body", "is not well-formed JSON"));
            return ProblemResponses.of(Problem.invalid("The request body is not well-formed JSON", errors));
        }
        String field = JsonPaths.of(e.getPath());
        String message = e instanceof ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage()
                : JsonPaths.describe(e);
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, message));
        return ProblemResponses.of(Problem.invalid(describe(errors), errors));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        List<Problem.FieldError> errors = List.of(new Problem.FieldError("body", "cannot be read as JSON"));
        return ProblemResponses.of(Problem.invalid("The request body cannot be read", errors));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // Quarkus REST wraps JSON syntax errors of a request body in a 400 WebApplicationException.
        if (e.getCause() instanceof JsonParseException parse) {
            return unreadableJson(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return otherJson(other);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return ProblemResponses.of(Problem.of(status.getStatusCode(), status.getReasonPhrase(), safeDetail(status)));
    }

    @ServerExceptionMapper
    public Response unsafeId(UnsafeIdException e) {
        // An id in a path that no validation caught before it reached a Redis key: the caller's mistake, not ours.
        List<Problem.FieldError> errors = List.of(new Problem.FieldError("id", Ids.ENTITY_MESSAGE));
        return ProblemResponses.of(Problem.invalid(describe(errors), errors));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (unreachable(e)) {
            // Redis, the database or the broker refused the connection (a restart, a failover): the request may
            // well succeed in a moment, so say that (503, Retry-After) rather than an anonymous 500. Readiness is
            // DOWN meanwhile. The fault tests (adapters' FaultToleranceTest) restart Redis under load.
            LOG.warnf("answered 503, a backing service is unreachable: %s", e.toString());
            return Response.fromResponse(ProblemResponses.of(Problem.of(
                            503,
                            "Service unavailable",
                            "A store this service depends on is unreachable; retry shortly")))
                    .header("Retry-After", "2")
                    .build();
        }
        // The client gets an id to quote; the log gets the details. Never the exception's text.
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", errorId);
        return ProblemResponses.of(
                Problem.of(500, "Internal error", "Something went wrong on our side (error id " + errorId + ")"));
    }

    /** Whether a connection to something the service depends on was refused, somewhere in the causes. */
    static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String safeDetail(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; this API speaks application/json";
            case 415 -> "Unsupported content type; send application/json";
            default -> status.getReasonPhrase();
        };
    }

    static String describe(List<Problem.FieldError> errors) {
        return errors.size() == 1
                ? "Invalid field: " + errors.get(0).field()
                : "Invalid fields: "
                        + String.join(
                                ", ",
                                errors.stream().map(Problem.FieldError::field).toList());
    }

    private static int line(JsonParseException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}
