package dev.alicia.presence.client.redis;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.Load;

/** An agent's live state as the fields of their Redis hash, and back. */
final class LiveAgentCodec {

    private LiveAgentCodec() {}

    static Map<String, String> fields(LiveAgent agent) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", agent.status().name());
        fields.put("breakReason", agent.breakReason() == null ? "" : agent.breakReason());
        fields.put("team", agent.team() == null ? "" : agent.team());
        fields.put("languages", pairs(agent.languages(), String::valueOf));
        fields.put("skills", pairs(agent.skills(), String::valueOf));
        fields.put(
                "channels",
                agent.channels().stream().map(Channel::name).sorted().collect(Collectors.joining(",")));
        fields.put("capacity", agent.capacity().encode());
        fields.put("strengths", pairs(agent.strengths(), String::valueOf));
        fields.put("load", agent.load().encode());
        fields.put("idleSince", String.valueOf(agent.idleSince()));
        return fields;
    }

    static LiveAgent agent(String tenantId, String agentId, Map<String, String> fields) {
        return new LiveAgent(
                tenantId,
                agentId,
                emptyToNull(fields.get("team")),
                AgentStatus.valueOf(fields.getOrDefault("status", AgentStatus.OFFLINE.name())),
                emptyToNull(fields.get("breakReason")),
                parsePairs(fields.get("languages"), Integer::valueOf),
                parsePairs(fields.get("skills"), Integer::valueOf),
                channels(fields.get("channels")),
                CapacityProfile.decode(fields.getOrDefault("capacity", ";total=0")),
                parsePairs(fields.get("strengths"), Double::valueOf),
                Load.decode(fields.get("load")),
                Long.parseLong(fields.getOrDefault("idleSince", "0")),
                Long.parseLong(fields.getOrDefault("version", "0")));
    }

    private static <V> String pairs(Map<String, V> map, Function<V, String> format) {
        return new TreeMap<>(map)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + format.apply(e.getValue()))
                        .collect(Collectors.joining(","));
    }

    private static <V> Map<String, V> parsePairs(String encoded, Function<String, V> parse) {
        Map<String, V> map = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String entry : encoded.split(",")) {
                int eq = entry.indexOf('=');
                map.put(entry.substring(0, eq), parse.apply(entry.substring(eq + 1)));
            }
        }
        return map;
    }

    private static Set<Channel> channels(String encoded) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (encoded != null && !encoded.isEmpty()) {
            Arrays.stream(encoded.split(",")).map(Channel::valueOf).forEach(channels::add);
        }
        return channels;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
