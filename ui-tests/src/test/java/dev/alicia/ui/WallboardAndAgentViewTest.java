package dev.alicia.ui;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.alicia.infra.local.LocalSystem;
import dev.alicia.infra.tokens.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor's wallboard and an agent's view in two headless Chromium windows, against the whole system
 * started as the run command starts it. One working day in order: the wallboard goes live, Camille signs in, a
 * customer whose card was stolen calls while nobody is available, Camille becomes available and reads the brief
 * before she says hello, accepts, wraps up; she declines a second call and transfers a third with a reason. Nothing is reloaded: every
 * change reaches both pages over their live streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WallboardAndAgentViewTest {

    private static final String TENANT = "bank-b";
    private static final String AGENT = "camille";

    private final Path root =
            Path.of(System.getProperty("alicia.root", "..")).toAbsolutePath().normalize();
    private final Path screenshots = Path.of(System.getProperty("alicia.ui.screenshots", "target/screenshots"));
    private Platform platform;
    private LocalSystem system;
    private Browser wallboard;
    private Browser agent;

    @BeforeAll
    void startTheSystemAndTwoBrowsers() throws IOException {
        Path data = Path.of(System.getProperty("alicia.ui.data", "target/ui-system"));
        deleteRecursively(data);
        requireFreePorts(8080, 8081, 8082, 19092, 16379, 15432);
        // A short wrap-up, so the agent is available again within the test.
        system = LocalSystem.start(root, data, Map.of("ALICIA_PRESENCE_WRAP_UP", "PT2S"));
        platform = new Platform(TENANT, system.tokens());
        seedTheFloorAndTheCustomer();
        wallboard = Browser.open();
        agent = Browser.open();
    }

    @AfterAll
    void stopEverything() {
        try (LocalSystem closing = system;
                Browser closingWallboard = wallboard;
                Browser closingAgent = agent) {
            // closed in reverse order: browsers first, then the system
        }
    }

    @Test
    @Order(1)
    void the_wallboard_opens_for_a_tenant_and_goes_live() {
        wallboard.go(Platform.ROUTER + "/wallboard/");
        wallboard
                .find(By.id("token"))
                .sendKeys(system.tokens().mint(TENANT, "lead", Set.of(DevTokens.SUPERVISOR)), Keys.ENTER);

        wallboard.awaitExactText(By.id("connection"), "Live");
        assertThat(wallboard.text(By.id("who"))).isEqualTo("Tenant " + TENANT);
        assertThat(wallboard.text(By.cssSelector("#queues tbody"))).isEqualTo("No contact yet.");
        // Nadia answers chats only; Luc, who could take Alicia's call, is at lunch.
        wallboard.await(
                "the floor as seeded",
                d -> statusCount("AVAILABLE").equals("1")
                        && statusCount("BREAK").equals("1"));
        assertThat(wallboard.text(By.cssSelector("#agents tr[data-agent='luc']")))
                .contains("On break");
        // Marks this page: a reload would lose it (checked at the end).
        wallboard.script("window.aliciaNeverReloaded = true");
    }

    @Test
    @Order(2)
    void an_agent_signs_in_with_the_keyboard_and_sees_who_they_are_and_their_status() {
        agent.go(Platform.ROUTER + "/agent/");
        agent.find(By.id("token")).sendKeys(system.tokens().agent(TENANT, AGENT), Keys.ENTER);

        agent.awaitExactText(By.id("me-title"), "Camille Martin");
        agent.awaitExactText(By.id("connection"), "Live");
        assertThat(agent.text(By.id("me-details"))).contains("Team fraud", "fr 5/5", "stolen_card 5/5");
        assertThat(agent.text(By.id("status-now"))).isEqualTo("Status: Offline");
        assertThat(agent.text(By.id("no-work"))).startsWith("No contact right now.");
        agent.script("window.aliciaNeverReloaded = true");
    }

    @Test
    @Order(3)
    void a_call_with_nobody_available_waits_and_the_wallboard_counts_it() {
        submitContact("c-1");

        wallboard.awaitExactText(queueCell("fraud", "waiting"), "1");
        wallboard.awaitText(By.id("decisions"), "c-1 waits in fraud");
        wallboard.await(
                "the screen-reader summary to say one contact waits",
                d -> wallboard.textContent(By.id("queues-summary")).equals("1 contact waiting."));
        assertThat(wallboard.text(queueCell("fraud", "longest-wait"))).endsWith(" s");
    }

    @Test
    @Order(4)
    void the_agent_becomes_available_and_reads_the_brief_of_the_offer_before_saying_hello() {
        agent.find(By.cssSelector("#status-form input[value='AVAILABLE']")).click();
        agent.find(By.cssSelector("#status-form button[type='submit']")).click();

        By offer = By.cssSelector("article[data-contact-id='c-1'][data-state='offered']");
        agent.awaitVisible(offer);
        assertThat(agent.text(offer)).contains("VOICE · c-1 · Alicia Moreau", "Queue fraud · stolen_card");
        assertThat(agent.text(By.cssSelector("#c-c-1 .why")))
                .startsWith("Why you:")
                .contains("stolen_card");
        assertThat(briefField("c-1", "name")).isEqualTo("Alicia Moreau");
        assertThat(briefField("c-1", "address-as")).isEqualTo("Madame/Monsieur Moreau");
        assertThat(briefField("c-1", "language")).isEqualTo("fr, formal register");
        assertThat(briefField("c-1", "intent")).startsWith("stolen_card");
        assertThat(briefField("c-1", "emotion")).startsWith("fear");
        assertThat(agent.text(By.cssSelector("#c-c-1 .story"))).contains("volé ma carte");
        assertThat(agent.text(By.cssSelector("#c-c-1 .tried"))).contains("Card blocked in the mobile app");
        assertThat(agent.text(By.cssSelector("#c-c-1 .cues")))
                .contains("reassure them first")
                .contains("Do not ask again for: cardLast4")
                .contains("say vous; address them as Madame/Monsieur Moreau");
        agent.await(
                "the offer to be announced to screen readers",
                d -> agent.textContent(By.id("announcer")).startsWith("New offer: voice c-1 from Alicia Moreau"));

        wallboard.awaitExactText(queueCell("fraud", "waiting"), "0");
        String offered = wallboard.awaitText(By.id("decisions"), "c-1 offered to camille");
        assertThat(offered).contains("Why camille:");
        WebElement why = wallboard.find(By.cssSelector("#decisions li[data-type='CONTACT_OFFERED'] .factors"));
        assertThat(why.getText()).contains("skill").contains("stolen_card");
    }

    @Test
    @Order(5)
    void accepting_puts_the_agent_in_conversation_and_the_wallboard_counts_the_answer() throws IOException {
        agent.find(By.id("c-c-1-accept")).sendKeys(Keys.ENTER);

        agent.awaitVisible(By.cssSelector("article[data-contact-id='c-1'][data-state='assigned']"));
        assertThat(briefField("c-1", "name")).isEqualTo("Alicia Moreau");
        assertThat(agent.find(By.id("c-c-1-transfer-reason")).isDisplayed()).isTrue();
        assertThat(agent.find(By.id("c-c-1-outcome")).isDisplayed()).isTrue();
        agent.awaitText(By.id("status-now"), "Status: Busy");

        wallboard.awaitExactText(queueCell("fraud", "answered"), "1");
        wallboard.awaitText(queueCell("fraud", "service-level"), "100 %");
        wallboard.await("one agent busy", d -> statusCount("BUSY").equals("1"));
        wallboard.awaitText(By.id("decisions"), "camille accepted c-1");
        wallboard.awaitText(By.cssSelector("#agents tr[data-agent='camille']"), "Busy");

        Path wallboardShot = screenshots.resolve("wallboard.png");
        Path agentShot = screenshots.resolve("agent-view.png");
        wallboard.screenshot(wallboardShot);
        agent.screenshot(agentShot);
        assertThat(Files.size(wallboardShot)).isGreaterThan(10_000);
        assertThat(Files.size(agentShot)).isGreaterThan(10_000);
        if (Boolean.getBoolean("alicia.ui.screenshots.docs")) {
            Files.copy(wallboardShot, root.resolve("docs/wallboard.png"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(agentShot, root.resolve("docs/agent-view.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @Order(6)
    void wrapping_up_with_an_outcome_ends_the_contact_and_the_agent_is_available_again() {
        new Select(agent.find(By.id("c-c-1-outcome"))).selectByValue("resolved");
        agent.find(By.cssSelector("#c-c-1 form.wrap-up button[type='submit']")).click();

        agent.awaitText(By.id("last-notice"), "c-1 wrapped up: resolved.");
        agent.awaitGone(By.id("c-c-1"));
        agent.awaitText(By.id("status-now"), "Status: Available");
        assertThat(platform.get(Platform.ROUTER, "/contacts/c-1")).contains("\"status\":\"ENDED\"");

        wallboard.awaitText(By.id("decisions"), "c-1 ended by camille");
        wallboard.await(
                "camille available again, with nadia",
                d -> statusCount("AVAILABLE").equals("2"));
    }

    @Test
    @Order(7)
    void declining_an_offer_says_why_and_the_call_waits_for_someone_else() {
        submitContact("c-2");
        agent.awaitVisible(By.cssSelector("article[data-contact-id='c-2'][data-state='offered']"));

        agent.find(By.id("c-c-2-decline-reason")).sendKeys("Not my area today");
        agent.find(By.cssSelector("#c-c-2 form.decline button[type='submit']")).click();

        agent.awaitText(By.id("last-notice"), "You declined c-2.");
        agent.awaitGone(By.id("c-c-2"));
        String released = wallboard.awaitText(By.id("decisions"), "camille released c-2");
        assertThat(released).contains("Reason: rejected: Not my area today");
        // Never offered again to who declined it: it waits for another fraud agent.
        wallboard.awaitExactText(queueCell("fraud", "waiting"), "1");
        assertThat(agent.findAll(By.cssSelector("article[data-contact-id='c-2']")))
                .isEmpty();
    }

    @Test
    @Order(8)
    void a_transfer_says_why_and_the_contact_moves_on_with_its_story() {
        submitContact("c-3");
        agent.awaitVisible(By.cssSelector("article[data-contact-id='c-3'][data-state='offered']"));
        agent.find(By.id("c-c-3-accept")).click();
        agent.awaitVisible(By.cssSelector("article[data-contact-id='c-3'][data-state='assigned']"));
        // Her first call is in the brief now: nobody asks her to tell it again.
        agent.awaitText(By.cssSelector("#c-c-3 .brief"), "c-1");

        agent.find(By.id("c-c-3-target")).sendKeys("general");
        agent.find(By.id("c-c-3-transfer-reason")).sendKeys("Wants to talk about her mortgage too");
        agent.find(By.cssSelector("#c-c-3 form.transfer button[type='submit']")).click();

        agent.awaitText(By.id("last-notice"), "c-3 transferred to general.");
        String transferred = wallboard.awaitText(By.id("decisions"), "camille transferred c-3");
        assertThat(transferred).contains("Reason: Wants to talk about her mortgage too");
        assertThat(platform.get(Platform.ROUTER, "/contacts/c-3"))
                .contains("\"queue\":\"general\"")
                .contains("\"transfers\":1");
    }

    @Test
    @Order(9)
    void neither_page_was_ever_reloaded_everything_came_over_the_live_streams() {
        assertThat(wallboard.script("return window.aliciaNeverReloaded === true"))
                .isEqualTo(true);
        assertThat(agent.script("return window.aliciaNeverReloaded === true")).isEqualTo(true);
        assertThat(wallboard.text(By.id("connection"))).isEqualTo("Live");
        assertThat(agent.text(By.id("connection"))).isEqualTo("Live");
    }

    @Test
    @Order(10)
    void every_control_has_a_label_and_the_pages_have_landmarks_and_live_regions() {
        for (Browser page : List.of(wallboard, agent)) {
            @SuppressWarnings("unchecked")
            List<String> unlabelled = (List<String>) page.script("""
                    return [...document.querySelectorAll('input, select, textarea, button')]
                      .filter((c) => c.type !== 'hidden')
                      .filter((c) => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')
                                     && !(c.tagName === 'BUTTON' && c.textContent.trim()))
                      .map((c) => c.outerHTML);
                    """);
            assertThat(unlabelled).as("controls without a label").isEmpty();
            assertThat(page.findAll(By.cssSelector("header.bar, nav, main"))).hasSize(3);
            assertThat(page.find(By.id("connection")).getAttribute("aria-live")).isEqualTo("polite");
        }
        assertThat(wallboard.find(By.id("decisions")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(agent.find(By.id("announcer")).getAttribute("aria-live")).isEqualTo("assertive");
    }

    private String statusCount(String status) {
        return wallboard.text(By.cssSelector("#status-counts [data-status='" + status + "'] .count"));
    }

    private static By queueCell(String queue, String field) {
        return By.cssSelector("#queues tr[data-queue='" + queue + "'] [data-field='" + field + "']");
    }

    private String briefField(String contactId, String field) {
        return agent.text(By.cssSelector("#c-" + contactId + " .brief [data-field='" + field + "']"));
    }

    private void submitContact(String contactId) {
        platform.post(
                Platform.ROUTER,
                "/contacts",
                "{\"contactId\":\"" + contactId + "\",\"customerId\":\"alicia\",\"channel\":\"VOICE\"}");
    }

    /**
     * The README's story: Alicia's profile, a fraud rule, Camille, and what the voicebot understood; and two
     * colleagues who cannot take her call now.
     */
    private void seedTheFloorAndTheCustomer() {
        platform.put(Platform.CONTEXT, "/customers/alicia/profile", """
                {"displayName":"Alicia Moreau","preferredLanguage":"fr","register":"FORMAL",
                 "identities":[{"type":"PHONE","value":"+33612345678"}]}""");
        platform.put(Platform.ROUTER, "/routing-rules/fraud", """
                {"order":10,"intents":["stolen_card","fraud"],"queue":"fraud","priority":2,
                 "requiredSkills":{"stolen_card":3}}""");
        platform.post(Platform.PRESENCE, "/agents", """
                {"agentId":"camille","displayName":"Camille Martin","team":"fraud",
                 "languages":[{"code":"fr","fluency":5},{"code":"en","fluency":4}],
                 "skills":[{"name":"stolen_card","proficiency":5}],"channels":["VOICE","CHAT"],
                 "strengths":{"empathy":0.95}}""");
        platform.post(Platform.PRESENCE, "/agents", """
                {"agentId":"luc","displayName":"Luc Bernard","team":"fraud",
                 "languages":[{"code":"fr","fluency":5}],"skills":[{"name":"stolen_card","proficiency":4}],
                 "channels":["VOICE"],"strengths":{"empathy":0.6}}""");
        platform.post(Platform.PRESENCE, "/agents", """
                {"agentId":"nadia","displayName":"Nadia Haddad","team":"general",
                 "languages":[{"code":"en","fluency":5},{"code":"fr","fluency":4}],
                 "skills":[{"name":"accounts","proficiency":4}],"channels":["CHAT"]}""");
        platform.put(Platform.PRESENCE, "/agents/nadia/presence", "{\"status\":\"AVAILABLE\"}");
        platform.put(Platform.PRESENCE, "/agents/luc/presence", "{\"status\":\"AVAILABLE\"}");
        platform.put(Platform.PRESENCE, "/agents/luc/presence", "{\"status\":\"BREAK\",\"reason\":\"lunch\"}");
        String now = Instant.now().toString();
        platform.post(Platform.CONTEXT, "/conversation-events", """
                {"eventId":"ev-1","tenantId":"bank-b","identity":{"type":"PHONE","value":"+33612345678"},
                 "contactId":"c-1","channel":"VOICEBOT","type":"INTENT_DETECTED","occurredAt":"%s",
                 "text":"On m'a volé ma carte ce matin, j'ai peur","intent":"stolen_card","confidence":0.93,
                 "entities":{"cardLast4":"4821"}}""".formatted(now));
        platform.post(Platform.CONTEXT, "/conversation-events", """
                {"eventId":"ev-2","tenantId":"bank-b","identity":{"type":"PHONE","value":"+33612345678"},
                 "contactId":"c-1","channel":"VOICEBOT","type":"STEP_TRIED","occurredAt":"%s",
                 "text":"Card blocked in the mobile app"}""".formatted(now));
    }

    /** The system runs on the run command's fixed ports: another copy running would answer in its place. */
    private static void requireFreePorts(int... ports) {
        for (int port : ports) {
            try (ServerSocket free = new ServerSocket(port)) {
                // bound, so nobody else listens there
            } catch (IOException e) {
                throw new IllegalStateException(
                        "port " + port + " is in use: stop ./run-local.sh (or whatever holds it) "
                                + "before the browser tests, which start the whole system on the run command's ports");
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
