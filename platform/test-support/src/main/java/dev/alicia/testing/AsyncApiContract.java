package dev.alicia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kafka contract, {@code docs/asyncapi.yaml}, as tests read it: a service parses the examples of the
 * messages it consumes and produces with its own records, so a contract change breaks the build.
 */
public final class AsyncApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    private AsyncApiContract(JsonNode document) {
        this.document = document;
    }

    /** Reads the document from {@code alicia.contracts.dir} (set by the build) or {@code ../docs}. */
    public static AsyncApiContract load() {
        Path dir = Path.of(System.getProperty("alicia.contracts.dir", "../docs"));
        Path file = dir.resolve("asyncapi.yaml");
        try {
            return new AsyncApiContract(YAML.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AsyncAPI contract at " + file.toAbsolutePath(), e);
        }
    }

    /** Each example payload of the named message, as JSON text. */
    public List<String> examplePayloads(String messageName) {
        JsonNode examples = message(messageName).path("examples");
        if (!examples.isArray() || examples.isEmpty()) {
            throw new AssertionError("message " + messageName + " has no examples in the contract");
        }
        List<String> payloads = new ArrayList<>();
        for (JsonNode example : examples) {
            try {
                payloads.add(JSON.writeValueAsString(example.path("payload")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return payloads;
    }

    /** The topic a channel's address names. */
    public String address(String channelName) {
        JsonNode address = document.path("channels").path(channelName).path("address");
        if (address.isMissingNode()) {
            throw new AssertionError("no channel " + channelName + " in the contract");
        }
        return address.asText();
    }

    private JsonNode message(String name) {
        JsonNode message = document.path("components").path("messages").path(name);
        if (message.isMissingNode()) {
            throw new AssertionError("no message " + name + " in the contract");
        }
        return message;
    }
}
