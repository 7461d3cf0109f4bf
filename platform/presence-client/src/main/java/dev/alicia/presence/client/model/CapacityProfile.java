package dev.alicia.presence.client.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How much an agent can handle at once, the omnichannel way (like TaskRouter's multitasking or Omni-Channel
 * capacity): a limit per channel and a limit in total, e.g. up to 3 chats, or 2 chats + 1 email with a total
 * of 3. Voice and video are exclusive whatever the limits say: offered only to an agent with nothing else,
 * and nothing else is offered while they last.
 */
public record CapacityProfile(Map<Channel, Integer> perChannel, int maxTotal) {

    public CapacityProfile {
        perChannel = perChannel.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(perChannel));
        if (maxTotal < 0 || perChannel.values().stream().anyMatch(limit -> limit < 0)) {
            throw new IllegalArgumentException("capacity limits cannot be negative");
        }
    }

    /** One voice or video contact, or up to 3 chats/messages, 2 emails or social posts; 3 at most in total. */
    public static CapacityProfile standard() {
        Map<Channel, Integer> limits = new EnumMap<>(Channel.class);
        limits.put(Channel.VOICE, 1);
        limits.put(Channel.VIDEO, 1);
        limits.put(Channel.CHAT, 3);
        limits.put(Channel.MESSAGING, 3);
        limits.put(Channel.SMS, 3);
        limits.put(Channel.EMAIL, 2);
        limits.put(Channel.SOCIAL, 2);
        return new CapacityProfile(limits, 3);
    }

    public int limit(Channel channel) {
        return perChannel.getOrDefault(channel, 0);
    }

    /** Whether one more contact on {@code channel} fits beside the agent's current load. */
    public boolean allows(Load load, Channel channel) {
        if (limit(channel) == 0 || load.hasExclusive()) {
            return false;
        }
        if (channel.exclusive()) {
            return load.total() == 0;
        }
        return load.count(channel) < limit(channel) && load.total() < maxTotal;
    }

    /** The channels on which one more contact would fit now. */
    public Set<Channel> channelsWithRoom(Load load) {
        Set<Channel> room = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (allows(load, channel)) {
                room.add(channel);
            }
        }
        return room;
    }

    /** Share of the total capacity in use, 0 to 1 (an exclusive contact fills it). */
    public double occupancy(Load load) {
        if (load.hasExclusive()) {
            return 1.0;
        }
        return maxTotal == 0 ? 1.0 : Math.min(1.0, (double) load.total() / maxTotal);
    }

    /** {@code CHAT=3,EMAIL=1/3}: the limits per channel, then the total; how the profile travels in Redis. */
    public String encode() {
        StringBuilder encoded = new StringBuilder();
        for (Map.Entry<Channel, Integer> limit : new TreeMap<>(perChannel).entrySet()) {
            if (encoded.length() > 0) {
                encoded.append(',');
            }
            encoded.append(limit.getKey()).append('=').append(limit.getValue());
        }
        return encoded.append('/').append(maxTotal).toString();
    }

    public static CapacityProfile decode(String encoded) {
        int slash = encoded.lastIndexOf('/');
        Map<Channel, Integer> limits = new EnumMap<>(Channel.class);
        int start = 0;
        while (start < slash) {
            int end = encoded.indexOf(',', start);
            end = end < 0 || end > slash ? slash : end;
            int eq = encoded.indexOf('=', start);
            limits.put(Channel.valueOf(encoded.substring(start, eq)), Integer.parseInt(encoded.substring(eq + 1, end)));
            start = end + 1;
        }
        return new CapacityProfile(limits, Integer.parseInt(encoded.substring(slash + 1)));
    }
}
