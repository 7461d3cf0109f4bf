package dev.alicia.router.api;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.router.messaging.AgentStateChanged;
import dev.alicia.testing.Api;
import dev.alicia.testing.AsyncApiContract;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class LiveStreamsTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_live_stream_without_a_bearer_token_is_refused_as_a_problem() {
        given().when().get("/wallboard/events").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_wallboard_starts_with_the_figures_and_the_latest_decisions_then_follows_each_decision() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        awaitLiveConsumersFollowingTheirTopics();
        try (Events events = open("/wallboard/events", Api.token(tenant, "lead", Api.SUPERVISOR))) {
            JsonNode figures = events.next("figures");
            assertThat(figures.path("queues")).isEmpty();
            assertThat(figures.path("agentsByStatus").path("AVAILABLE").asInt()).isZero();
            assertThat(events.next("decisions")).isEmpty();

            Api.as(tenant)
                    .contentType(ContentType.JSON)
                    .body("{\"contactId\": \"c-live\", \"customerId\": \"cust-1\", \"channel\": \"CHAT\"}")
                    .when()
                    .post("/contacts")
                    .then()
                    .statusCode(202);

            JsonNode decision = events.next("decision");
            assertThat(decision.path("contactId").asText()).isEqualTo("c-live");
            assertThat(decision.path("type").asText()).isEqualTo("CONTACT_QUEUED");
            assertThat(decision.has("brief"))
                    .as("no customer story on a wall screen")
                    .isFalse();
            JsonNode waiting = events.next("figures");
            assertThat(waiting.path("queues").get(0).path("queue").asText()).isEqualTo("general");
            assertThat(waiting.path("queues").get(0).path("waiting").asInt()).isEqualTo(1);
        }
    }

    @Test
    void an_agent_desk_starts_with_the_agents_presence() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        try (Events events = open("/agent-desk/nobody-yet/events", Api.token(tenant, "nobody-yet", Api.AGENT))) {
            JsonNode presence = events.next("presence");
            assertThat(presence.path("agentId").asText()).isEqualTo("nobody-yet");
            assertThat(presence.path("status").asText()).isEqualTo("OFFLINE");
        }
    }

    @Test
    void the_decisions_of_a_tenant_nobody_watches_are_skipped_by_the_live_views_without_being_decoded() {
        awaitLiveConsumersFollowingTheirTopics();
        double before = liveDecisions("skipped");
        Api.as("t-unwatched-" + UUID.randomUUID().toString().substring(0, 8))
                .contentType(ContentType.JSON)
                .body("{\"contactId\": \"c-nobody-looks\", \"customerId\": \"cust-1\", \"channel\": \"CHAT\"}")
                .when()
                .post("/contacts")
                .then()
                .statusCode(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> liveDecisions("skipped") > before);
    }

    /** Records of routing.events the live views' consumer counted with that outcome, from the metrics. */
    private static double liveDecisions(String outcome) {
        return given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith("alicia_kafka_records_total{")
                        && line.contains("group=\"router-live-")
                        && line.contains("outcome=\"" + outcome + "\"")
                        && line.contains("topic=\"routing.events\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void the_agent_view_learns_where_the_presence_and_context_apis_are() {
        Api.asAgent("bank-a", "camille")
                .when()
                .get("/agent-desk/endpoints")
                .then()
                .statusCode(200)
                .body("presenceUrl", startsWith("http"))
                .body("contextUrl", startsWith("http"));
    }

    @Test
    void every_presence_example_of_the_contract_reads_as_the_agent_views_presence_change() throws Exception {
        for (String payload : AsyncApiContract.load().examplePayloads("AgentPresenceChanged")) {
            AgentStateChanged change = mapper.readValue(payload, AgentStateChanged.class);
            assertThat(change.status()).as(payload).isNotNull();
            assertThat(change.agentId()).as(payload).isNotBlank();
        }
    }

    /**
     * The live consumers start from the newest record once their group is joined, a moment after the application
     * starts: decisions taken before that are not for live views.
     */
    private void awaitLiveConsumersFollowingTheirTopics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", RealInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<String> live = admin.listGroups().all().get().stream()
                        .map(GroupListing::groupId)
                        .filter(id -> id.startsWith("router-live-"))
                        .toList();
                return admin.describeConsumerGroups(live).all().get().values().stream()
                        .flatMap(group -> group.members().stream())
                        .flatMap(member -> member.assignment().topicPartitions().stream())
                        .anyMatch(partition -> partition.topic().equals("routing.events"));
            });
        }
    }

    private Events open(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve(URI.create(path.substring(1))))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        return new Events(response.body(), mapper);
    }

    /** The events of one server-sent stream, read on a thread of their own. */
    private static final class Events implements AutoCloseable {

        private record Event(String name, String data) {}

        private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        private final Stream<String> lines;
        private final ObjectMapper mapper;

        Events(Stream<String> lines, ObjectMapper mapper) {
            this.lines = lines;
            this.mapper = mapper;
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            String[] name = {"message"};
            StringBuilder data = new StringBuilder();
            try {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            received.add(new Event(name[0], data.toString()));
                        }
                        name[0] = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        /** The next event of that name (others are skipped), within 30 s. */
        JsonNode next(String wanted) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                Event event = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && event.name().equals(wanted)) {
                    return mapper.readTree(event.data());
                }
            }
            throw new AssertionError("no " + wanted + " event within 30 s");
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
