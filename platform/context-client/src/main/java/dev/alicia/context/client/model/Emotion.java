package dev.alicia.context.client.model;

/** What the customer feels, as far as their words tell: the feelings the seeds name, plus neutral and positive. */
public enum Emotion {
    ANGER,
    /** Stress, worry, fear: "I'm panicking", "j'ai peur". */
    FEAR,
    /** Unhappy with the service without being angry: "not satisfied", "pas content", "déçu". */
    DISSATISFACTION,
    /** Embarrassment, shame: "I feel stupid", "j'ai honte". */
    SHAME,
    NEUTRAL,
    POSITIVE;

    /** Feelings an agent must meet with empathy first, before the procedure. */
    public boolean distressed() {
        return this == ANGER || this == FEAR || this == SHAME;
    }
}
