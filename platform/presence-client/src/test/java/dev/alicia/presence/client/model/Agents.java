package dev.alicia.presence.client.model;

import java.util.Map;
import java.util.Set;

/** Agents for specifications. */
final class Agents {

    private Agents() {}

    static LiveAgent available(Set<Channel> channels, CapacityProfile capacity) {
        return new LiveAgent(
                "bank-b",
                "camille",
                "fraud",
                AgentStatus.AVAILABLE,
                null,
                Map.of("fr", 5),
                Map.of("fraud", 5),
                channels,
                capacity,
                Map.of("empathy", 0.9),
                Load.NONE,
                1_000L,
                1);
    }

    static LiveAgent omnichannel() {
        return available(Set.of(Channel.values()), CapacityProfile.standard());
    }

    static LiveAgent inStatus(AgentStatus status) {
        LiveAgent agent = omnichannel();
        return new LiveAgent(
                agent.tenantId(),
                agent.agentId(),
                agent.team(),
                status,
                status == AgentStatus.BREAK ? "lunch" : null,
                agent.languages(),
                agent.skills(),
                agent.channels(),
                agent.capacity(),
                agent.strengths(),
                Load.NONE,
                0,
                1);
    }
}
