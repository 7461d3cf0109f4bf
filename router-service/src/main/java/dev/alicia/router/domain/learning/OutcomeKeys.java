package dev.alicia.router.domain.learning;

import java.util.List;

/**
 * The keys of the learner's counts. Kind levels (global, intent, intent × emotion band, and channel, language and
 * tier adjustments) give what an average agent achieves; agent levels (agent, agent × intent, agent × intent ×
 * band) how far each agent is from that. A store prefixes them (tenant, "outcomes:").
 */
public final class OutcomeKeys {

    private OutcomeKeys() {}

    public static String global() {
        return "g";
    }

    public static String intent(ContactKind kind) {
        return "i:" + kind.intent();
    }

    public static String intentBand(ContactKind kind) {
        return "ib:" + kind.intent() + ":" + kind.emotionBand();
    }

    public static String channel(ContactKind kind) {
        return "ch:" + kind.channel();
    }

    public static String language(ContactKind kind) {
        return "lang:" + kind.language();
    }

    public static String tier(ContactKind kind) {
        return "tier:" + kind.tier();
    }

    public static String agent(String agentId) {
        return "a:" + agentId;
    }

    public static String agentIntent(String agentId, ContactKind kind) {
        return "ai:" + agentId + ":" + kind.intent();
    }

    public static String agentIntentBand(String agentId, ContactKind kind) {
        return "aib:" + agentId + ":" + kind.intent() + ":" + kind.emotionBand();
    }

    /** The levels that say what an average agent achieves with this kind of contact. */
    static List<String> kindLevels(ContactKind kind) {
        return List.of(global(), intent(kind), intentBand(kind), channel(kind), language(kind), tier(kind));
    }

    /** The agent's levels, coarsest first. */
    static List<String> agentLevels(String agentId, ContactKind kind) {
        return List.of(agent(agentId), agentIntent(agentId, kind), agentIntentBand(agentId, kind));
    }
}
