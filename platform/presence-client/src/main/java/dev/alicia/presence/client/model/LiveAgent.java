package dev.alicia.presence.client.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An agent as routing sees them right now: what they can do (languages with fluency 1-5, skills with
 * proficiency 1-5, channels, capacity, strengths such as empathy 0-1) and what they are doing (status, the
 * contacts they hold, since when they are idle). Every change returns a new state; the store writes it only
 * if nobody changed the agent in between ({@code version}).
 */
public record LiveAgent(
        String tenantId,
        String agentId,
        String team,
        AgentStatus status,
        String breakReason,
        Map<String, Integer> languages,
        Map<String, Integer> skills,
        Set<Channel> channels,
        CapacityProfile capacity,
        Map<String, Double> strengths,
        Load load,
        long idleSince,
        long version) {

    public LiveAgent {
        languages = Map.copyOf(languages);
        skills = Map.copyOf(skills);
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        strengths = Map.copyOf(strengths);
    }

    /** The channels on which a contact may be offered now: status, permitted channels and capacity agree. */
    public Set<Channel> routableChannels() {
        if (!status.acceptsWork()) {
            return Set.of();
        }
        Set<Channel> room = capacity.channelsWithRoom(load);
        room.retainAll(channels);
        return room;
    }

    public boolean canTake(Channel channel) {
        return routableChannels().contains(channel);
    }

    public double occupancy() {
        return capacity.occupancy(load);
    }

    /** The agent chooses a status on the desktop. */
    public LiveAgent choose(AgentStatus to, String reason, long now) {
        if (!to.chosenByAgent()) {
            throw new PresenceRuleViolation(to + " is set by the system from the agent's contacts, not chosen");
        }
        if (to == AgentStatus.BREAK && (reason == null || reason.isBlank())) {
            throw new PresenceRuleViolation("a break needs a reason");
        }
        if (status == to && Objects.equals(to == AgentStatus.BREAK ? reason : null, breakReason)) {
            return this;
        }
        if (load.total() > 0) {
            throw new PresenceRuleViolation(
                    "the agent still holds " + load.total() + " contact(s): " + status + " until they end");
        }
        if (status == AgentStatus.OFFLINE && to == AgentStatus.BREAK) {
            throw new PresenceRuleViolation("an OFFLINE agent logs in (AVAILABLE) before taking a break");
        }
        return next(to, to == AgentStatus.BREAK ? reason : null, load, to == AgentStatus.AVAILABLE ? now : 0);
    }

    /** Holds capacity for an offered contact until {@code reservedUntil}; reserving twice is harmless. */
    public LiveAgent reserve(String contactId, Channel channel, long reservedUntil) {
        if (load.find(contactId).isPresent()) {
            return this;
        }
        if (!canTake(channel)) {
            throw new PresenceRuleViolation("no room for a " + channel + " contact (status " + status + ", "
                    + load.total() + " contact(s) held)");
        }
        return next(AgentStatus.BUSY, null, load.with(new ActiveContact(contactId, channel, reservedUntil)), 0);
    }

    /** The agent accepted the offered contact: it is theirs until it ends. */
    public LiveAgent accept(String contactId) {
        ActiveContact held = load.find(contactId)
                .orElseThrow(
                        () -> new PresenceRuleViolation("contact " + contactId + " is not reserved for this agent"));
        return held.reserved() ? next(status, breakReason, load.with(held.accepted()), idleSince) : this;
    }

    /** An offer was rejected or timed out: the capacity is free again, and no wrap-up is owed. */
    public LiveAgent release(String contactId, long now) {
        if (load.find(contactId).isEmpty()) {
            return this;
        }
        Load rest = load.without(contactId);
        return rest.total() == 0 ? next(AgentStatus.AVAILABLE, null, rest, now) : next(AgentStatus.BUSY, null, rest, 0);
    }

    /** A contact ended: once the agent holds nothing else, they wrap up. */
    public LiveAgent end(String contactId) {
        if (load.find(contactId).isEmpty()) {
            return this;
        }
        Load rest = load.without(contactId);
        return next(rest.total() == 0 ? AgentStatus.WRAP_UP : AgentStatus.BUSY, null, rest, 0);
    }

    /** Wrap-up time is over: the agent is available again, idle from now. */
    public LiveAgent wrapUpOver(long now) {
        return status == AgentStatus.WRAP_UP ? next(AgentStatus.AVAILABLE, null, load, now) : this;
    }

    /** Offers nobody answered before their reservation expired (a router died mid-offer) are released. */
    public LiveAgent releaseExpired(long now) {
        LiveAgent agent = this;
        for (ActiveContact contact : load.contacts()) {
            if (contact.reserved() && contact.reservedUntil() < now) {
                agent = agent.release(contact.contactId(), now);
            }
        }
        return agent;
    }

    /** The roster changed (skills, languages, capacity...): keep the live state, take the new profile. */
    public LiveAgent withProfile(
            String team,
            Map<String, Integer> languages,
            Map<String, Integer> skills,
            Set<Channel> channels,
            CapacityProfile capacity,
            Map<String, Double> strengths) {
        return new LiveAgent(
                tenantId,
                agentId,
                team,
                status,
                breakReason,
                languages,
                skills,
                channels,
                capacity,
                strengths,
                load,
                idleSince,
                version);
    }

    /** The router assigned a contact (normally reserved first): it is the agent's, accepted, whatever the load. */
    public LiveAgent assigned(String contactId, Channel channel) {
        ActiveContact held = load.find(contactId).orElse(new ActiveContact(contactId, channel, 0));
        return next(AgentStatus.BUSY, null, load.with(held.accepted()), 0);
    }

    public LiveAgent withVersion(long newVersion) {
        return new LiveAgent(
                tenantId,
                agentId,
                team,
                status,
                breakReason,
                languages,
                skills,
                channels,
                capacity,
                strengths,
                load,
                idleSince,
                newVersion);
    }

    public List<ActiveContact> contacts() {
        return load.contacts();
    }

    private LiveAgent next(AgentStatus status, String breakReason, Load load, long idleSince) {
        return new LiveAgent(
                tenantId,
                agentId,
                team,
                status,
                breakReason,
                languages,
                skills,
                channels,
                capacity,
                strengths,
                load,
                idleSince,
                version);
    }
}
