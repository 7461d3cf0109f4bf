package dev.alicia.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.jboss.logging.Logger;

import static io.restassured.RestAssured.given;

/**
 * A fuzzer for a service's REST API, driven by the service's own OpenAPI document ({@code /q/openapi}): for every
 * operation it sends malformed bodies (truncated, the wrong shape, each declared property of the wrong type, huge
 * strings, deep nesting, bytes that are not UTF-8, the wrong content type), path parameters (long, unicode,
 * {@code ..}, NUL, spaces, braces and colons, which would end up in Redis keys) and query parameters (the wrong
 * type, out of range, repeated). Every answer must be a 4xx {@code application/problem+json} without a stack trace
 * or class name; a malformed body or value is never accepted (2xx); and the state the caller observes is the same
 * afterwards (nothing half-applied).
 *
 * <p>The requests carry a token with all four roles for the tenant, so they get past access control to validation.
 */
public final class RestFuzz {

    private static final Logger LOG = Logger.getLogger(RestFuzz.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.|javax\\.|jakarta\\.|org\\.jboss|io\\.quarkus|io\\.vertx"
                    + "|com\\.fasterxml|dev\\.alicia|org\\.hibernate|SQL");
    private static final int HUGE_STRING = 100_000;

    /** What an answer may be: a malformed request is refused (4xx); a dubious one (a repeated parameter) may pass. */
    enum Expect {
        REFUSED,
        NO_SERVER_ERROR
    }

    /** One request of the run. */
    record Case(
            String operation,
            String what,
            String method,
            String path,
            String contentType,
            byte[] body,
            Expect expect) {}

    /** A request whose answer broke the rules. */
    public record Finding(String operation, String what, int status, String contentType, String problem) {
        @Override
        public String toString() {
            return operation + " [" + what + "] → " + status + " " + contentType + ": " + problem;
        }
    }

    /** What a run sent and found; {@code skipped} names the operations left out, and why. */
    public record Report(int requests, List<Finding> findings, Map<String, String> skipped) {}

    private final String tenant;
    private final String subject;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, String> queryValues = new LinkedHashMap<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private JsonNode document;

    private RestFuzz(String tenant, String subject) {
        this.tenant = tenant;
        this.subject = subject;
    }

    /** Requests as {@code subject} of {@code tenant} (the agent id of agent-scoped endpoints). */
    public static RestFuzz as(String tenant, String subject) {
        return new RestFuzz(tenant, subject);
    }

    /** The value of a path parameter when another part of the request is the malformed one (an existing id). */
    public RestFuzz pathValue(String parameter, String value) {
        pathValues.put(parameter, value);
        return this;
    }

    public RestFuzz queryValue(String parameter, String value) {
        queryValues.put(parameter, value);
        return this;
    }

    /** A valid body for {@code operation} ({@code "PUT /agents/{agentId}"}), mutated one property at a time. */
    public RestFuzz body(String operation, String json) {
        bodies.put(operation, json);
        return this;
    }

    public RestFuzz skip(String operation, String why) {
        skipped.put(operation, why);
        return this;
    }

    /** Sends every malformed request; {@code state} is read before and after, and must not have changed. */
    public Report run(Supplier<?> state) {
        Object before = state.get();
        List<Case> cases = cases();
        String token = Api.tokens().mint(tenant, subject, Set.of(Api.AGENT, Api.SUPERVISOR, Api.ADMIN, Api.PLATFORM));
        List<Finding> findings = new ArrayList<>();
        for (Case request : cases) {
            Finding finding = send(token, request);
            if (finding != null) {
                findings.add(finding);
            }
        }
        Object after = state.get();
        if (!before.equals(after)) {
            findings.add(new Finding(
                    "state", "observable state after the run", 0, "", "changed from " + before + " to " + after));
        }
        LOG.infof("REST fuzz: %d requests, %d findings, skipped %s", cases.size(), findings.size(), skipped);
        return new Report(cases.size(), findings, Map.copyOf(skipped));
    }

    // ---- the cases

    List<Case> cases() {
        document = readDocument();
        List<Case> cases = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (skipped.containsKey(name)) {
                    continue;
                }
                if (streams(operation.getValue())) {
                    skipped.put(name, "a server-sent event stream: it answers by streaming until closed");
                    continue;
                }
                cases.addAll(new Operation(name, path.getKey(), operation.getValue(), path.getValue()).cases());
            }
        }
        return cases;
    }

    private static boolean streams(JsonNode operation) {
        return operation.path("responses").toString().contains("text/event-stream");
    }

    private final class Operation {
        final String name;
        final String method;
        final String template;
        final List<JsonNode> parameters = new ArrayList<>();
        final JsonNode jsonSchema;
        final boolean csv;

        Operation(String name, String template, JsonNode operation, JsonNode pathItem) {
            this.name = name;
            this.method = name.substring(0, name.indexOf(' '));
            this.template = template;
            pathItem.path("parameters").forEach(parameters::add);
            operation.path("parameters").forEach(parameters::add);
            JsonNode content = operation.path("requestBody").path("content");
            this.jsonSchema = content.has("application/json")
                    ? resolve(content.path("application/json").path("schema"))
                    : null;
            this.csv = content.has("text/csv");
        }

        List<Case> cases() {
            List<Case> cases = new ArrayList<>();
            if (jsonSchema != null) {
                bodyCases(cases);
            }
            if (csv) {
                csvCases(cases);
            }
            for (JsonNode parameter : parameters) {
                String in = parameter.path("in").asText();
                if (in.equals("path")) {
                    pathCases(parameter.path("name").asText(), cases);
                } else if (in.equals("query")) {
                    queryCases(parameter, cases);
                }
            }
            return cases;
        }

        // bodies

        private void bodyCases(List<Case> cases) {
            JsonNode base = baseBody();
            String json = base.toString();
            refusedJson(cases, "truncated JSON", json.substring(0, json.length() / 2));
            for (String shape : List.of("[]", "\"text\"", "42", "true", "null", "{}", "[{}]")) {
                boolean sameShape = (shape.startsWith("[")
                                && jsonSchema.path("type").asText().equals("array"))
                        || (shape.equals("{}") && !jsonSchema.has("required"));
                if (!sameShape) {
                    refusedJson(cases, "a body of the wrong shape: " + shape, shape);
                }
            }
            ObjectNode target = base.isArray() ? (ObjectNode) base.get(0) : base.isObject() ? (ObjectNode) base : null;
            JsonNode objectSchema = base.isArray() ? resolve(jsonSchema.path("items")) : jsonSchema;
            if (target != null) {
                Iterator<Map.Entry<String, JsonNode>> properties =
                        objectSchema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    JsonNode schema = resolve(property.getValue());
                    for (JsonNode wrong : wrongValues(schema)) {
                        refusedJson(
                                cases,
                                property.getKey() + " = " + abbreviate(wrong.toString()),
                                with(base, property.getKey(), wrong));
                    }
                }
                String first =
                        target.fieldNames().hasNext() ? target.fieldNames().next() : "x";
                refusedJson(
                        cases,
                        "JSON nested 10000 deep in " + first,
                        with(base, first, null)
                                .replace(
                                        "\"" + first + "\":null",
                                        "\"" + first + "\":" + "[".repeat(10_000) + "]".repeat(10_000)));
            }
            cases.add(new Case(
                    name,
                    "bytes that are not UTF-8",
                    method,
                    path(Map.of()),
                    "application/json",
                    notUtf8(json),
                    Expect.REFUSED));
            for (String type : List.of("text/plain", "application/xml", "application/octet-stream")) {
                cases.add(new Case(
                        name, "Content-Type " + type, method, path(Map.of()), type, utf8(json), Expect.REFUSED));
            }
        }

        private void csvCases(List<Case> cases) {
            for (Map.Entry<String, byte[]> csvBody : Map.of(
                            "CSV with an unterminated quote", utf8("agentId,displayName\n\"ann,Ann\n"),
                            "CSV without the header", utf8("ann,Ann,fraud\n"),
                            "CSV that is not UTF-8", new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'},
                            "CSV with a 100 KB line", utf8("agentId,displayName\n" + "x".repeat(HUGE_STRING) + "\n"),
                            "a CSV body that is binary", new byte[] {0, 1, 2, 3, (byte) 0xFE, (byte) 0xFF})
                    .entrySet()) {
                cases.add(new Case(
                        name,
                        csvBody.getKey(),
                        method,
                        path(Map.of()),
                        "text/csv",
                        csvBody.getValue(),
                        Expect.REFUSED));
            }
        }

        private void refusedJson(List<Case> cases, String what, String body) {
            cases.add(new Case(name, what, method, path(Map.of()), "application/json", utf8(body), Expect.REFUSED));
        }

        private JsonNode baseBody() {
            String given = bodies.get(name);
            if (given != null) {
                try {
                    return JSON.readTree(given);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("the body given for " + name + " is not JSON", e);
                }
            }
            return sample(jsonSchema, 0);
        }

        private String with(JsonNode base, String property, JsonNode value) {
            JsonNode copy = base.deepCopy();
            ObjectNode target = copy.isArray() ? (ObjectNode) copy.get(0) : (ObjectNode) copy;
            target.set(property, value == null ? NODES.nullNode() : value);
            return copy.toString();
        }

        // path parameters

        private void pathCases(String parameter, List<Case> cases) {
            for (String raw : List.of(
                    "x".repeat(300),
                    "x".repeat(3000),
                    encode("agént-名前-😀"),
                    "..",
                    "%2E%2E",
                    "%00",
                    "a%00b",
                    "a%20b",
                    "%20",
                    "%7Bx%7D",
                    "%7B%7D",
                    "a:b",
                    "a%3Ab%3Ac",
                    "a%2Fb",
                    "%25",
                    "%0D%0Aa")) {
                // A path with ".." is resolved by the client and the server to its parent, another resource (a
                // page, a list): only a server error is a finding there.
                boolean resolvedAway = raw.equals("..") || raw.equals("%2E%2E");
                cases.add(new Case(
                        name,
                        parameter + " = " + abbreviate(raw),
                        method,
                        path(Map.of(parameter, raw)),
                        jsonSchema != null ? "application/json" : null,
                        jsonSchema != null ? utf8(baseBody().toString()) : null,
                        resolvedAway ? Expect.NO_SERVER_ERROR : Expect.REFUSED));
            }
        }

        private String path(Map<String, String> raw) {
            String path = template;
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asText().equals("path")) {
                    String name = parameter.path("name").asText();
                    String value =
                            raw.containsKey(name) ? raw.get(name) : encode(pathValues.getOrDefault(name, "fuzz-1"));
                    path = path.replace("{" + name + "}", value);
                }
            }
            String query = baseQuery(null);
            return query.isEmpty() ? path : path + "?" + query;
        }

        // query parameters

        private String baseQuery(String except) {
            List<String> pairs = new ArrayList<>();
            for (JsonNode parameter : parameters) {
                String name = parameter.path("name").asText();
                if (parameter.path("in").asText().equals("query")
                        && !name.equals(except)
                        && (parameter.path("required").asBoolean() || queryValues.containsKey(name))) {
                    pairs.add(name + "=" + encode(queryValue(parameter)));
                }
            }
            return String.join("&", pairs);
        }

        private String queryValue(JsonNode parameter) {
            String name = parameter.path("name").asText();
            if (queryValues.containsKey(name)) {
                return queryValues.get(name);
            }
            JsonNode sample = sample(resolve(parameter.path("schema")), 0);
            return sample.isArray() ? sample.get(0).asText() : sample.asText();
        }

        private void queryCases(JsonNode parameter, List<Case> cases) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            JsonNode item = type(schema).equals("array") ? resolve(schema.path("items")) : schema;
            Map<String, Expect> values = new LinkedHashMap<>();
            String type = type(item);
            if (item.has("enum")) {
                values.put("NOT_A_VALUE", Expect.REFUSED);
                values.put(item.path("enum").get(0).asText().toLowerCase(), Expect.NO_SERVER_ERROR);
            } else if (type.equals("integer") || type.equals("number")) {
                values.put("abc", Expect.REFUSED);
                values.put("99999999999999999999", Expect.REFUSED);
                values.put("1e309", Expect.REFUSED);
                values.put("-1", item.has("minimum") ? Expect.REFUSED : Expect.NO_SERVER_ERROR);
                values.put("0", item.path("minimum").asDouble(-1) > 0 ? Expect.REFUSED : Expect.NO_SERVER_ERROR);
                values.put("-2147483649", Expect.REFUSED);
                values.put("2147483647", item.has("maximum") ? Expect.REFUSED : Expect.NO_SERVER_ERROR);
                if (type.equals("integer")) {
                    values.put("1.5", Expect.REFUSED);
                }
                if (item.has("maximum")) {
                    values.put(String.valueOf(item.path("maximum").asLong() + 1), Expect.REFUSED);
                }
            } else if (type.equals("boolean")) {
                values.put("maybe", Expect.REFUSED);
            } else {
                Expect bounded = item.has("pattern") || item.has("maxLength") ? Expect.REFUSED : Expect.NO_SERVER_ERROR;
                values.put("x".repeat(3000), bounded);
                values.put("%00", bounded);
                values.put("%7B%7D%3A", bounded);
                values.put(encode("名前😀"), bounded);
            }
            values.put("", Expect.NO_SERVER_ERROR);
            String others = baseQuery(name);
            String prefix = template;
            for (JsonNode parameterOfPath : parameters) {
                if (parameterOfPath.path("in").asText().equals("path")) {
                    String pathName = parameterOfPath.path("name").asText();
                    prefix = prefix.replace("{" + pathName + "}", encode(pathValues.getOrDefault(pathName, "fuzz-1")));
                }
            }
            String base = prefix + "?" + (others.isEmpty() ? "" : others + "&");
            for (Map.Entry<String, Expect> value : values.entrySet()) {
                String encoded =
                        value.getKey().startsWith("%") || value.getKey().contains("%")
                                ? value.getKey()
                                : encode(value.getKey());
                cases.add(new Case(
                        this.name,
                        name + " = " + abbreviate(value.getKey()),
                        method,
                        base + name + "=" + encoded,
                        null,
                        null,
                        value.getValue()));
            }
            // Repeated: JAX-RS takes the first of a single-valued parameter, so only a server error is a finding.
            String valid = encode(queryValue(parameter));
            cases.add(new Case(
                    this.name,
                    name + " repeated",
                    method,
                    base + name + "=" + valid + "&" + name + "=NOT_A_VALUE&" + name + "=" + valid,
                    null,
                    null,
                    Expect.NO_SERVER_ERROR));
            cases.add(new Case(
                    this.name,
                    name + " as a list",
                    method,
                    base + name + "%5B%5D=" + valid,
                    null,
                    null,
                    Expect.NO_SERVER_ERROR));
        }
    }

    // ---- schemas

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10; i++) {
            if (current.has("$ref")) {
                String ref = current.path("$ref").asText();
                current = document.at(ref.substring(1));
            } else if (current.has("allOf") && current.path("allOf").size() == 1) {
                current = current.path("allOf").get(0);
            } else if (current.has("oneOf")) {
                current = current.path("oneOf").get(0);
            } else if (current.has("anyOf")) {
                current = current.path("anyOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asText().equals("null")) {
                    return one.asText();
                }
            }
        }
        if (type.isMissingNode() && schema.has("properties")) {
            return "object";
        }
        return type.asText("string");
    }

    /** A value of the schema's shape (valid as far as the schema says), the base of the mutations. */
    private JsonNode sample(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        switch (type(schema)) {
            case "integer", "number" -> {
                return NODES.numberNode(schema.path("minimum").asLong(1));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 5) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    schema.path("properties")
                            .fields()
                            .forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                    if (schema.path("additionalProperties").isObject()) {
                        object.set("key", sample(schema.path("additionalProperties"), depth + 1));
                    }
                }
                return object;
            }
            default -> {
                String format = schema.path("format").asText();
                if (format.equals("date-time")) {
                    return NODES.textNode("2026-11-25T08:00:00Z");
                }
                if (format.equals("duration")) {
                    return NODES.textNode("PT1M");
                }
                return NODES.textNode("fuzz");
            }
        }
    }

    /** Values no reader of this schema accepts (Jackson's lenient coercions avoided: no number for text). */
    private static List<JsonNode> wrongValues(JsonNode schema) {
        ObjectNode object = NODES.objectNode().put("x", 1);
        ArrayNode array = NODES.arrayNode().add(1);
        if (schema.has("enum")) {
            return List.of(NODES.textNode("NOT_A_VALUE"), object);
        }
        return switch (type(schema)) {
            case "integer", "number" -> {
                List<JsonNode> wrong = new ArrayList<>(List.of(NODES.textNode("not a number"), object, array));
                if (schema.has("maximum")) {
                    wrong.add(NODES.numberNode(schema.path("maximum").asDouble() + 1000));
                }
                if (schema.has("minimum")) {
                    wrong.add(NODES.numberNode(schema.path("minimum").asDouble() - 1000));
                }
                yield wrong;
            }
            case "boolean" -> List.of(NODES.textNode("maybe"), object);
            case "array" -> List.of(object, NODES.textNode("text"));
            case "object" -> List.of(NODES.textNode("text"), array);
            default -> List.of(object, array, NODES.textNode("x".repeat(HUGE_STRING)));
        };
    }

    // ---- sending

    private static Finding send(String token, Case request) {
        Response response;
        try {
            var spec = given().config(CONFIG)
                    .urlEncodingEnabled(false)
                    .auth()
                    .oauth2(token)
                    .accept("application/json");
            if (request.contentType() != null) {
                spec.contentType(request.contentType());
            }
            if (request.body() != null) {
                spec.body(request.body());
            }
            response = spec.request(request.method(), request.path());
        } catch (RuntimeException e) {
            return new Finding(request.operation(), request.what(), 0, "", "no answer: " + e.getMessage());
        }
        int status = response.statusCode();
        String type = response.contentType();
        String body = response.asString();
        String problem = null;
        if (status >= 500) {
            problem = "a server error";
        } else if (request.expect() == Expect.REFUSED && status < 400) {
            problem = "accepted a malformed request";
        } else if (status >= 400 && (type == null || !type.startsWith("application/problem+json"))) {
            problem = "not application/problem+json";
        } else if (status >= 400 && LEAK.matcher(body).find()) {
            problem = "leaks internals: " + abbreviate(body);
        }
        return problem == null
                ? null
                : new Finding(request.operation(), request.what(), status, String.valueOf(type), problem);
    }

    private static final RestAssuredConfig CONFIG = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 10_000)
                    .setParam("http.connection.timeout", 5_000));

    private static JsonNode readDocument() {
        String text =
                given().accept("application/json").get("/q/openapi?format=json").asString();
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON with bytes that are not UTF-8 inside its first string (or at its start). */
    private static byte[] notUtf8(String json) {
        int quote = Math.max(json.indexOf(":\"") + 2, 0);
        byte[] head = utf8(json.substring(0, quote));
        byte[] tail = utf8(json.substring(quote));
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        byte[] all = Arrays.copyOf(head, head.length + bad.length + tail.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", " ");
        return flat.length() > 60 ? flat.substring(0, 40) + "…(" + flat.length() + " chars)" : flat;
    }
}
