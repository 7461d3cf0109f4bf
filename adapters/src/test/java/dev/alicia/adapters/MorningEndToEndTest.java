package dev.alicia.adapters;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alicia.infra.local.LocalSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system end to end, as the run command starts it (real Kafka, Redis and PostgreSQL, the three services
 * as processes), driven only through the reference adapters: the scripted morning is played once and every
 * decision and brief field that matters is checked.
 */
class MorningEndToEndTest {

    private static LocalSystem system;
    private static Path data;
    private static MorningScript.Morning morning;
    private static String printed;

    @BeforeAll
    static void playTheMorning() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        data = Files.createTempDirectory("alicia-morning-");
        system = LocalSystem.start(root, data, Demo.SETTINGS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Platform platform = Platform.of(system, "banque-test");
                AgentDesktop desktop = new AgentDesktop(platform);
                PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            morning = new MorningScript(platform, new ChannelAdapters(platform), desktop, print).play();
        }
        printed = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void no_service_log_or_metric_carries_what_the_customers_said_or_who_they_are() throws Exception {
        // What the morning's customers said, their names and phone numbers: personal data that must stay in the
        // context store and the briefs, never in logs (shipped to a log pipeline) or metrics.
        List<String> personal = List.of(
                "volé ma carte",
                "inadmissible",
                "toujours bloquée",
                "Alicia Martin",
                "Bernard Petit",
                "Paul Durand",
                "John Smith",
                "+33612345678",
                "33698765432");
        List<Path> logs;
        try (Stream<Path> files = Files.list(data.resolve("logs"))) {
            logs = files.filter(f -> f.toString().endsWith(".log")).toList();
        }
        assertThat(logs).hasSizeGreaterThanOrEqualTo(3);
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(personal).as(log.getFileName() + " names none of").noneMatch(text::contains);
        }
        HttpClient http = HttpClient.newHttpClient();
        for (String service : List.of("router-service", "agent-presence-service", "context-service")) {
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(LocalSystem.url(service) + "/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .body();
            assertThat(metrics).contains("http_server_requests");
            assertThat(personal).as(service + " metrics name none of").noneMatch(metrics::contains);
            assertThat(metrics).as(service + " metrics label no customer").doesNotContain("customer=\"alicia\"");
        }
    }

    @Test
    void erasing_alicia_removes_her_story_from_the_context_and_her_brief_from_the_routers_decisions() {
        try (Platform platform = Platform.of(system, "banque-test")) {
            assertThat(platform.router("GET", "/contacts/call-alicia", null).toString())
                    .contains("Alicia Martin");

            platform.context("DELETE", "/customers/alicia", null);

            assertThat(platform.contextIfFound("/customers/alicia/context")).isEmpty();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(platform.router("GET", "/contacts/call-alicia", null)
                                    .toString())
                            .doesNotContain("Alicia Martin")
                            .doesNotContain("volé")
                            .contains("CONTACT_ASSIGNED"));
        }
    }

    @Test
    void alicias_stolen_card_reaches_the_french_fraud_agent_best_at_reassuring_without_a_transfer() {
        JsonNode offer = morning.aliciaOffer();
        assertThat(offer.path("agentId").asText()).isEqualTo("camille");
        assertThat(offer.path("queue").asText()).isEqualTo("fraud");
        assertThat(offer.path("runnersUp").toString()).contains("luc");
        assertThat(morning.aliciaAssigned().path("type").asText()).isEqualTo("CONTACT_ASSIGNED");
        assertThat(morning.aliciaAssigned().path("brief").path("transfers").asInt())
                .isZero();
    }

    @Test
    void camille_reads_what_the_voicebot_captured_so_alicia_does_not_repeat_her_story() {
        JsonNode brief = morning.aliciaAssigned().path("brief");
        assertThat(brief.path("displayName").asText()).isEqualTo("Alicia Martin");
        assertThat(brief.path("register").asText()).isEqualTo("FORMAL");
        assertThat(brief.path("language").asText()).isEqualTo("fr");
        assertThat(brief.path("intent").asText()).isEqualTo("stolen_card");
        assertThat(brief.path("capturedEntities").path("cardLast4").asText()).isEqualTo("4821");
        assertThat(brief.path("alreadyTried").toString()).contains("application mobile");
        assertThat(brief.path("emotionTrajectory").toString()).contains("FEAR");
    }

    @Test
    void the_call_after_the_chat_carries_the_chats_story() {
        JsonNode brief = morning.bernardCallAssigned().path("brief");
        assertThat(brief.path("story").toString()).contains("bloquée depuis hier soir");
        assertThat(brief.path("pastContacts").toString()).contains("chat-bernard");
    }

    @Test
    void the_angry_customer_reaches_the_agent_rated_best_at_de_escalation() {
        assertThat(morning.paulOffer().path("agentId").asText()).isEqualTo("nadia");
        assertThat(morning.paulOffer().path("explanation").toString()).contains("emotion");
    }

    @Test
    void the_english_speaker_goes_to_the_only_agent_who_speaks_english() {
        assertThat(morning.johnOffer().path("agentId").asText()).isEqualTo("sarah");
    }

    @Test
    void the_agent_who_receives_a_transfer_reads_why_in_the_brief() {
        JsonNode assigned = morning.transferAssigned();
        assertThat(assigned.path("agentId").asText()).isEqualTo("julie");
        assertThat(assigned.path("brief").path("story").toString()).contains("loan for a new car");
        assertThat(assigned.path("brief").path("transfers").asInt()).isEqualTo(1);
    }

    @Test
    void every_decision_is_printed_with_its_explanation_and_the_brief() {
        assertThat(printed).contains("→ offered to camille", "why:", "brief: Alicia Martin", "runner-up");
    }
}
