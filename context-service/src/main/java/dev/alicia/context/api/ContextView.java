package dev.alicia.context.api;

import java.util.List;
import java.util.Map;

import dev.alicia.context.messaging.ConversationEvent;

/** Everything kept about a customer: profile, routing features and the journey in order. */
public record ContextView(
        String customerId, ProfileView profile, Map<String, String> features, List<ConversationEvent> journey) {}
