package dev.alicia.kit.messaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.alicia.kit.api.JsonPaths;

/** Reads a record's JSON value into the consumer's own record type and validates it (Bean Validation). */
public final class JsonRecordDecoder<T> {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final Class<T> type;

    public JsonRecordDecoder(ObjectMapper mapper, Validator validator, Class<T> type) {
        this.mapper = mapper;
        this.validator = validator;
        this.type = type;
    }

    public T decode(byte[] value) throws InvalidRecordException {
        if (value == null) {
            throw new InvalidRecordException("no value (a tombstone)");
        }
        if (value.length == 0) {
            throw new InvalidRecordException("empty value");
        }
        T decoded = read(utf8(value));
        if (decoded == null) {
            throw new InvalidRecordException("value is JSON null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(decoded);
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; ")));
        }
        return decoded;
    }

    /**
     * The contract says UTF-8. Jackson, given bytes, guesses the encoding and would read UTF-16 or UTF-32 too; what
     * a consumer then keeps as text (the decision log stores the raw value) would be garbage with NUL characters,
     * which PostgreSQL refuses: the record would be retried forever. So the bytes are decoded strictly here, and
     * the JSON is read from the text.
     */
    private static String utf8(byte[] value) throws InvalidRecordException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRecordException("not well-formed JSON (not UTF-8 text, the encoding of the contract)");
        }
    }

    private T read(String value) throws InvalidRecordException {
        try {
            return mapper.readValue(value, type);
        } catch (IOException e) {
            if (JsonPaths.isSyntaxError(e)) {
                throw new InvalidRecordException("not well-formed JSON (UTF-8 expected)");
            }
            throw describe(e);
        }
    }

    private static InvalidRecordException describe(IOException e) {
        if (e instanceof ValueInstantiationException) {
            String cause = e.getCause() != null ? e.getCause().getMessage() : "invalid value";
            return new InvalidRecordException(JsonPaths.of(((ValueInstantiationException) e).getPath()) + " " + cause);
        }
        if (e instanceof JsonMappingException mapping) {
            return new InvalidRecordException(JsonPaths.of(mapping.getPath()) + " " + JsonPaths.describe(mapping));
        }
        return new InvalidRecordException("unreadable value");
    }
}
