package dev.alicia.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a record can be bad, made from one good record of a consumer's topic, and the dead-letter specification
 * they are checked against: sent in a row on one key, then the good record; each bad one is on {@code <topic>.dlq}
 * under the same key, unchanged, with a {@code dlq.reason} that names what is wrong, and the consumer group commits
 * past the good one (the partition kept moving).
 *
 * <p>A consumer says which of its fields play which part: a text field (given an object, or 900 KB), an id (given a
 * NUL, {@code {}} and {@code :}, which would end up in Redis keys), a required field, and where its record has them,
 * an enum field and a field of another type than text.
 */
public final class PoisonRecords {

    /** The biggest value the test broker accepts is 1 MB (Kafka's default): this leaves room for the headers. */
    public static final int HUGE = 900_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A bad record, what it is called in the report, and what its dead-letter reason must mention. */
    public record Poison(String kind, byte[] value, List<String> reasonMentions) {
        @Override
        public String toString() {
            return kind;
        }
    }

    private final ObjectNode good;
    private final List<Poison> poisons = new ArrayList<>();

    private PoisonRecords(String goodJson) {
        try {
            this.good = (ObjectNode) JSON.readTree(goodJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the good record is not JSON", e);
        }
        String json = good.toString();
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        add("truncated JSON", Arrays.copyOf(utf8, utf8.length / 2), "not well-formed JSON");
        add("not JSON at all", bytes("Alice called: her card was stolen"), "not well-formed JSON");
        add("an array where the record is expected", bytes("[" + json + "]"), "must be an object");
        add("a string where the record is expected", bytes("\"" + json.replace("\"", "'") + "\""), "must be an object");
        add("a number where the record is expected", bytes("42"), "must be an object");
        add("JSON null", bytes("null"), "null");
        add("an empty object", bytes("{}"), "must not");
        add("invalid UTF-8 bytes", invalidUtf8(json), "UTF-8");
        add("Latin-1 text (wrong encoding)", latin1(json), "UTF-8");
        add("UTF-16 (wrong encoding)", json.getBytes(StandardCharsets.UTF_16), "UTF-8");
        add("an empty value", new byte[0], "empty");
        add("no value at all (tombstone)", null, "no value");
    }

    /** The poison made from {@code goodJson}, a record the consumer processes. */
    public static PoisonRecords from(String goodJson) {
        return new PoisonRecords(goodJson);
    }

    /** A text field: given an object (wrong type), then 900 KB of text (a huge record; every text is bounded). */
    public PoisonRecords textField(String field) {
        add(
                "an object where text is expected (" + field + ")",
                with(field, JSON.createObjectNode().put("x", 1)),
                field);
        add(
                "an array where text is expected (" + field + ")",
                with(field, JSON.createArrayNode().add("x")),
                field);
        add(
                "a huge record: 900 KB in " + field,
                with(field, JSON.getNodeFactory().textNode("x".repeat(HUGE))),
                field);
        return this;
    }

    /** An identifier: with characters that have a meaning in Redis keys (hash tags, separators) or in SQL text. */
    public PoisonRecords idField(String field) {
        String id = good.path(field).asText();
        for (String bad : List.of(id + "\u0000", "{" + id + "}", id + ":x", "x".repeat(129), "")) {
            add(
                    "a bad id in " + field + " (" + printable(bad) + ")",
                    with(field, JSON.getNodeFactory().textNode(bad)),
                    field);
        }
        return this;
    }

    public PoisonRecords requiredField(String field) {
        ObjectNode missing = good.deepCopy();
        missing.remove(field);
        add("missing required field " + field, bytes(missing.toString()), field);
        return this;
    }

    /** A field of an enum type (or a set of them): given a value no version of the contract has. */
    public PoisonRecords enumField(String field, Object unknown) {
        add("unknown enum value in " + field, with(field, JSON.valueToTree(unknown)), field, "must be one of");
        return this;
    }

    /** A field that is not text (number, boolean, date-time, object, list): given text it cannot be read as. */
    public PoisonRecords typedField(String field, Object wrong) {
        add("wrong type for " + field, with(field, JSON.valueToTree(wrong)), field);
        return this;
    }

    public List<Poison> all() {
        return List.copyOf(poisons);
    }

    /**
     * Sends every poison on {@code key}, then {@code goodJson} (a record the consumer processes), and checks the
     * specification; returns the good record's position for the caller's own check of its effect.
     */
    public RecordMetadata assertDeadLetteredThenGoodProcessed(
            KafkaTestClient kafka, String topic, String group, String key, String goodJson) {
        for (Poison poison : poisons) {
            kafka.sendBytes(topic, key, poison.value());
        }
        RecordMetadata goodRecord = kafka.send(topic, key, goodJson);

        List<ConsumerRecord<String, byte[]>> dead = kafka.readRawRecords(
                topic + ".dlq",
                r -> key.equals(r.key())
                        && KafkaTestClient.header(r, "dlq.consumer.group")
                                .orElse("")
                                .equals(group),
                poisons.size(),
                Duration.ofSeconds(60));
        List<String> reasons = dead.stream()
                .map(r -> KafkaTestClient.header(r, "dlq.reason").orElse("?"))
                .toList();
        assertThat(dead)
                .as("dead letters of %s in %s for %s; the reasons read: %s", poisons, group, topic, reasons)
                .hasSameSizeAs(poisons);
        for (int i = 0; i < poisons.size(); i++) {
            Poison poison = poisons.get(i);
            ConsumerRecord<String, byte[]> letter = dead.get(i);
            String reason = KafkaTestClient.header(letter, "dlq.reason").orElse("");
            assertThat(letter.value())
                    .as("the dead letter of: %s keeps the value", poison)
                    .isEqualTo(poison.value());
            assertThat(KafkaTestClient.header(letter, "dlq.original.topic")).contains(topic);
            for (String mention : poison.reasonMentions()) {
                assertThat(reason).as("the reason for: %s", poison).containsIgnoringCase(mention);
            }
            assertThat(reason).as("the reason for: %s stays short", poison).hasSizeLessThan(1000);
        }
        kafka.awaitCommittedPast(group, goodRecord, Duration.ofSeconds(60));
        return goodRecord;
    }

    private byte[] with(String field, JsonNode value) {
        ObjectNode copy = good.deepCopy();
        copy.set(field, value);
        return bytes(copy.toString());
    }

    private void add(String kind, byte[] value, String... mentions) {
        poisons.add(new Poison(kind, value, List.of(mentions)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The good record with bytes that are no UTF-8 at all in the middle of its first text value. */
    private static byte[] invalidUtf8(String json) {
        return splice(json, text -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    }

    /** The good record with an accented word encoded as ISO-8859-1, as a misconfigured adapter would. */
    private static byte[] latin1(String json) {
        return splice(json, text -> "Hélène".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] splice(String json, Function<String, byte[]> bytes) {
        int colon = json.indexOf(":\"");
        byte[] head = json.substring(0, colon + 2).getBytes(StandardCharsets.UTF_8);
        byte[] middle = bytes.apply(json);
        byte[] tail = json.substring(colon + 2).getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + middle.length + tail.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    private static String printable(String value) {
        if (value.isEmpty()) {
            return "empty";
        }
        String shown = value.replace("\u0000", "\\u0000");
        return shown.length() > 20 ? value.length() + " characters" : shown;
    }
}
