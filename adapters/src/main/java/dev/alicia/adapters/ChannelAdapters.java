package dev.alicia.adapters;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reference voicebot and chat adapters: what a telephony or chat platform integration publishes, exactly as
 * {@code docs/asyncapi.yaml} says. The bot's conversation goes on {@code conversation.events} keyed by customer
 * (the story, in order across channels); when the bot hands over, the contact goes on {@code contacts.inbound}
 * keyed by contact, with the bot's understanding as hints (the customer's context wins).
 */
public final class ChannelAdapters {

    static final String CONVERSATIONS = "conversation.events";
    static final String CONTACTS = "contacts.inbound";

    private final Platform platform;

    public ChannelAdapters(Platform platform) {
        this.platform = platform;
    }

    /** What the bot understood of a customer before handing over. */
    public record BotConversation(
            String contactId,
            String customerId,
            String language,
            List<String> customerSaid,
            String intent,
            double confidence,
            Map<String, String> entities,
            List<String> alreadyTried) {}

    /**
     * A caller talks to the voicebot, which understands them and then hands the call to an agent (channel VOICE).
     */
    public void voicebotCall(BotConversation conversation) {
        converse("VOICEBOT", conversation);
        handOver(conversation, "VOICE");
    }

    /** A customer chats with the chatbot, which hands the chat to an agent (channel CHAT). */
    public void chatbotChat(BotConversation conversation) {
        converse("CHATBOT", conversation);
        handOver(conversation, "CHAT");
    }

    /** A customer chats with the chatbot and leaves before anyone helps them: the contact ends unresolved. */
    public void chatbotAbandoned(BotConversation conversation) {
        converse("CHATBOT", conversation);
        Map<String, Object> ended = event(conversation, "CHATBOT", "CONTACT_ENDED");
        ended.put("outcome", "UNRESOLVED");
        publishStory(conversation, ended);
        awaitContext(
                conversation.customerId(), features -> conversation.intent().equals(text(features, "intent")));
    }

    private void converse(String channel, BotConversation conversation) {
        publishStory(conversation, event(conversation, channel, "CONTACT_STARTED"));
        for (String said : conversation.customerSaid()) {
            Map<String, Object> message = event(conversation, channel, "CUSTOMER_MESSAGE");
            message.put("text", said);
            message.put("language", conversation.language());
            publishStory(conversation, message);
        }
        Map<String, Object> detected = event(conversation, channel, "INTENT_DETECTED");
        detected.put("intent", conversation.intent());
        detected.put("confidence", conversation.confidence());
        detected.put("language", conversation.language());
        detected.put("entities", conversation.entities());
        publishStory(conversation, detected);
        for (String step : conversation.alreadyTried()) {
            Map<String, Object> tried = event(conversation, channel, "STEP_TRIED");
            tried.put("text", step);
            publishStory(conversation, tried);
        }
    }

    private void handOver(BotConversation conversation, String channel) {
        // A bot talks for a while before handing over; here, until the context has what it understood.
        awaitContext(
                conversation.customerId(), features -> conversation.intent().equals(text(features, "intent")));
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("contactId", conversation.contactId());
        contact.put("tenantId", platform.tenantId());
        contact.put("customerId", conversation.customerId());
        contact.put("channel", channel);
        contact.put("language", conversation.language());
        contact.put("intent", conversation.intent());
        contact.put("arrivedAt", Instant.now().toString());
        platform.publish(CONTACTS, platform.tenantId() + ":" + conversation.contactId(), contact);
    }

    private Map<String, Object> event(BotConversation conversation, String channel, String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "ev-" + UUID.randomUUID());
        event.put("tenantId", platform.tenantId());
        event.put("customerId", conversation.customerId());
        event.put("contactId", conversation.contactId());
        event.put("channel", channel);
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        return event;
    }

    private void publishStory(BotConversation conversation, Map<String, Object> event) {
        platform.publish(CONVERSATIONS, platform.tenantId() + ":" + conversation.customerId(), event);
    }

    private void awaitContext(String customerId, java.util.function.Predicate<JsonNode> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<JsonNode> features =
                    platform.contextIfFound("/customers/" + customerId + "/routing-features");
            if (features.isPresent() && ready.test(features.get())) {
                return;
            }
            pause(50);
        }
        throw new IllegalStateException("the context of " + customerId + " did not take the bot's conversation");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
