package dev.alicia.kit.api;

import java.util.List;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's error location into a field path a client understands, and a message without class names. */
public final class JsonPaths {

    private JsonPaths() {}

    public static String of(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /** True when the input is not well-formed JSON, even if databind wrapped the parser's error with a path. */
    public static boolean isSyntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    public static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + List.of(target.getEnumConstants());
            }
            return "has the wrong format for " + simpleType(target);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return "must be " + simpleType(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        return "an object";
    }
}
