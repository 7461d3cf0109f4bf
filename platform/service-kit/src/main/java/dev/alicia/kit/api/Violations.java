package dev.alicia.kit.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Bean Validation violations as the field errors of a problem. */
public final class Violations {

    private Violations() {}

    /** The violations of one item of a batch, each field prefixed (e.g. {@code [3].skills[0].proficiency}). */
    public static List<Problem.FieldError> asFieldErrors(
            String prefix, Set<? extends ConstraintViolation<?>> violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.add(new Problem.FieldError(prefix + fieldName(violation), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    /** {@code create.agent.skills[0].level} → {@code skills[0].level}: drop the method and body parameter names. */
    public static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        int skip = !nodes.isEmpty() && nodes.get(0).getKind() == ElementKind.METHOD ? 1 : 0;
        if (nodes.size() > skip + 1 && nodes.get(skip).getKind() == ElementKind.PARAMETER) {
            skip++;
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes.subList(skip, nodes.size())) {
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
