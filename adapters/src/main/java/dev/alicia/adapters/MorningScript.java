package dev.alicia.adapters;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A morning in a French bank's contact center, played through the reference adapters against a running Alicia:
 * Alicia's stolen card through the voicebot, a customer who chats then calls, an angry customer, an English
 * speaker, and a transfer. Each routing decision is printed with its explanation and the brief the agent got.
 */
public final class MorningScript {

    /** What the morning produced, for whoever checks it: the decisions and the briefs, by scene. */
    public record Morning(
            JsonNode aliciaOffer,
            JsonNode aliciaAssigned,
            JsonNode bernardCallAssigned,
            JsonNode paulOffer,
            JsonNode johnOffer,
            JsonNode transferAssigned) {}

    private final Platform platform;
    private final ChannelAdapters channels;
    private final AgentDesktop desktop;
    private final PrintStream out;

    public MorningScript(Platform platform, ChannelAdapters channels, AgentDesktop desktop, PrintStream out) {
        this.platform = platform;
        this.channels = channels;
        this.desktop = desktop;
        this.out = out;
    }

    public Morning play() {
        staff();
        customers();

        scene("8:02 — Alicia calls: her card was stolen this morning. The voicebot understands her first.");
        channels.voicebotCall(new ChannelAdapters.BotConversation(
                "call-alicia",
                "alicia",
                "fr",
                List.of("On m'a volé ma carte ce matin, j'ai peur, il y a des paiements que je ne reconnais pas"),
                "stolen_card",
                0.93,
                Map.of("cardLast4", "4821"),
                List.of("carte bloquée dans l'application mobile")));
        JsonNode aliciaOffer = decision("call-alicia");
        JsonNode aliciaAssigned = answer("call-alicia", aliciaOffer);

        scene("8:10 — Bernard chatted last night about his blocked card, gave up, and calls this morning.");
        channels.chatbotAbandoned(new ChannelAdapters.BotConversation(
                "chat-bernard",
                "bernard",
                "fr",
                List.of("Bonjour, ma carte est bloquée depuis hier soir, je ne peux plus payer"),
                "card_blocked",
                0.88,
                Map.of(),
                List.of()));
        out.println("  (the chat ended unresolved, nobody answered it)");
        channels.voicebotCall(new ChannelAdapters.BotConversation(
                "call-bernard",
                "bernard",
                "fr",
                List.of("Je vous ai écrit hier sur le chat, ma carte est toujours bloquée"),
                "card_blocked",
                0.9,
                Map.of(),
                List.of()));
        JsonNode bernardCallAssigned = answer("call-bernard", decision("call-bernard"));

        scene("8:14 — Paul calls, furious about a direct debit taken three times.");
        channels.voicebotCall(new ChannelAdapters.BotConversation(
                "call-paul",
                "paul",
                "fr",
                List.of("C'est inadmissible ! Trois fois que j'appelle pour ce prélèvement, je suis furieux"),
                "billing",
                0.86,
                Map.of("amount", "89.90"),
                List.of()));
        JsonNode paulOffer = decision("call-paul");
        answer("call-paul", paulOffer);

        scene("8:20 — John, an English customer, chats: he lost his card.");
        channels.chatbotChat(new ChannelAdapters.BotConversation(
                "chat-john",
                "john",
                "en",
                List.of("Hello, I lost my card yesterday and I need a new one"),
                "lost_card",
                0.91,
                Map.of(),
                List.of()));
        JsonNode johnOffer = decision("chat-john");
        answer("chat-john", johnOffer);

        scene("8:25 — Bernard would also like a car loan: Marc transfers him to Julie, with the reason.");
        String bernardsAgent = bernardCallAssigned.path("agentId").asText();
        desktop.transferToAgent(
                "call-bernard", bernardsAgent, "julie", "wants to discuss a loan for a new car, card unblocked");
        out.println("  " + bernardsAgent + " → julie: wants to discuss a loan for a new car, card unblocked");
        JsonNode transferAssigned = answer("call-bernard", decisionAfterTransfer("call-bernard", "julie"));

        scene("8:40 — The calls end; each agent reports how it went (what predictive routing learns from).");
        desktop.finish("call-alicia", aliciaAssigned.path("agentId").asText(), true, 5);
        desktop.finish("call-paul", paulOffer.path("agentId").asText(), true, 4);
        desktop.finish("chat-john", johnOffer.path("agentId").asText(), true, 5);
        desktop.finish("call-bernard", "julie", true, 5);
        out.println("  4 contacts resolved on first contact; outcomes recorded and learned.");
        return new Morning(aliciaOffer, aliciaAssigned, bernardCallAssigned, paulOffer, johnOffer, transferAssigned);
    }

    private void staff() {
        platform.router(
                "PUT",
                "/routing-rules/fraud",
                Map.of(
                        "order",
                        10,
                        "intents",
                        List.of("stolen_card", "fraud"),
                        "queue",
                        "fraud",
                        "priority",
                        2,
                        "requiredSkills",
                        Map.of("stolen_card", 3)));
        List<String> both = List.of("VOICE", "CHAT");
        for (AgentDesktop.Agent agent : List.of(
                new AgentDesktop.Agent(
                        "camille",
                        "Camille Martin",
                        "fraud",
                        Map.of("fr", 5),
                        Map.of("stolen_card", 5, "fraud", 5),
                        both,
                        Map.of("empathy", 0.95, "formal", 0.9)),
                new AgentDesktop.Agent(
                        "luc",
                        "Luc Bernard",
                        "fraud",
                        Map.of("fr", 5),
                        Map.of("stolen_card", 4, "fraud", 4),
                        both,
                        Map.of("empathy", 0.3)),
                new AgentDesktop.Agent(
                        "marc",
                        "Marc Lefèvre",
                        "cards",
                        Map.of("fr", 5),
                        Map.of("card_blocked", 4, "cards", 4, "billing", 3),
                        both,
                        Map.of("empathy", 0.6, "deescalation", 0.5)),
                new AgentDesktop.Agent(
                        "nadia",
                        "Nadia Haddad",
                        "accounts",
                        Map.of("fr", 5),
                        Map.of("billing", 4, "card_blocked", 2),
                        both,
                        Map.of("empathy", 0.7, "deescalation", 0.95)),
                new AgentDesktop.Agent(
                        "sarah",
                        "Sarah Collins",
                        "cards",
                        Map.of("en", 5, "fr", 3),
                        Map.of("lost_card", 4, "cards", 4),
                        both,
                        Map.of("empathy", 0.8)),
                new AgentDesktop.Agent(
                        "julie",
                        "Julie Moreau",
                        "loans",
                        Map.of("fr", 5),
                        Map.of("loans", 5),
                        both,
                        Map.of("empathy", 0.6, "formal", 0.8)))) {
            desktop.logIn(agent);
        }
        out.println("Six agents log in: camille and luc (fraud), marc and nadia (cards, accounts), sarah (English),"
                + " julie (loans).");
    }

    private void customers() {
        profile("alicia", "Alicia Martin", "fr", "FORMAL", "PHONE", "+33612345678");
        profile("bernard", "Bernard Petit", "fr", "FORMAL", "CHAT_HANDLE", "bernard.p");
        profile("paul", "Paul Durand", "fr", "INFORMAL", "PHONE", "+33698765432");
        profile("john", "John Smith", "en", "FORMAL", "CHAT_HANDLE", "jsmith");
    }

    private void profile(String id, String name, String language, String register, String type, String value) {
        platform.context(
                "PUT",
                "/customers/" + id + "/profile",
                Map.of(
                        "displayName", name,
                        "preferredLanguage", language,
                        "register", register,
                        "identities", List.of(Map.of("type", type, "value", value))));
    }

    private JsonNode decision(String contactId) {
        JsonNode offer = desktop.await(contactId, "CONTACT_OFFERED");
        printDecision(offer);
        return offer;
    }

    private JsonNode decisionAfterTransfer(String contactId, String toAgent) {
        JsonNode offer = desktop.await(contactId, "CONTACT_OFFERED", toAgent);
        printDecision(offer);
        return offer;
    }

    private JsonNode answer(String contactId, JsonNode offer) {
        JsonNode assigned = desktop.accept(contactId, offer.path("agentId").asText());
        printBrief(assigned.path("brief"));
        return assigned;
    }

    private void scene(String title) {
        out.println();
        out.println(title);
    }

    private void printDecision(JsonNode offer) {
        out.printf(
                "  → offered to %s (queue %s, %s, score %.2f)%n",
                offer.path("agentId").asText(),
                offer.path("queue").asText(),
                offer.path("strategy").asText(),
                offer.path("score").asDouble());
        StringBuilder why = new StringBuilder("    why:");
        for (JsonNode factor : offer.path("explanation")) {
            if (Math.abs(factor.path("contribution").asDouble()) >= 0.005) {
                why.append(String.format(
                        " %s %+.2f (%s);",
                        factor.path("name").asText(),
                        factor.path("contribution").asDouble(),
                        factor.path("detail").asText()));
            }
        }
        out.println(why);
        for (JsonNode runnerUp : offer.path("runnersUp")) {
            out.printf(
                    "    runner-up %s at %.2f, behind on %s%n",
                    runnerUp.path("agentId").asText(),
                    runnerUp.path("score").asDouble(),
                    runnerUp.path("behindOn").asText());
        }
    }

    private void printBrief(JsonNode brief) {
        out.printf(
                "  brief: %s — address as \"%s\", %s, %s; wants %s %s%n",
                brief.path("displayName").asText(),
                brief.path("addressAs").asText(),
                brief.path("language").asText(),
                brief.path("register").asText(),
                brief.path("intent").asText(),
                brief.path("capturedEntities").isEmpty() ? "" : brief.path("capturedEntities"));
        for (JsonNode line : brief.path("story")) {
            out.println("    story: " + line.asText());
        }
        for (JsonNode tried : brief.path("alreadyTried")) {
            out.println("    already tried: " + tried.asText());
        }
        JsonNode emotions = brief.path("emotionTrajectory");
        if (!emotions.isEmpty()) {
            JsonNode last = emotions.get(emotions.size() - 1);
            out.printf(
                    "    feels: %s (%.1f)%n",
                    last.path("emotion").asText(), last.path("intensity").asDouble());
        }
        for (JsonNode cue : brief.path("empathyCues")) {
            out.println("    cue: " + cue.asText());
        }
    }
}
