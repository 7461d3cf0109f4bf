package dev.alicia.context.api;

import java.util.List;
import java.util.Map;

import dev.alicia.context.client.model.StoryEvent;

/** Everything kept about a customer: profile, routing features and the story in order. */
public record ContextView(
        String customerId, ProfileView profile, Map<String, String> features, List<StoryEvent> journey) {}
