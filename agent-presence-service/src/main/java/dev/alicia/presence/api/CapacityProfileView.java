package dev.alicia.presence.api;

import java.util.Map;

import dev.alicia.presence.client.model.Channel;

public record CapacityProfileView(String name, Map<Channel, Integer> perChannel, int maxTotal) {}
