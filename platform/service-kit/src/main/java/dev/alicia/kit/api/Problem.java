package dev.alicia.kit.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error as RFC 9457 {@code application/problem+json}. {@code errors} names each offending field so a
 * client can show the message next to it; nothing here ever carries a stack trace or a class name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path ({@code skills[2].proficiency}) or a parameter name, and what is wrong. */
    public record FieldError(String field, String message) {}

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(typeFor(400), "Invalid request", 400, detail, errors);
    }

    private static String typeFor(int status) {
        return "https://alicia.dev/problems/" + status;
    }
}
