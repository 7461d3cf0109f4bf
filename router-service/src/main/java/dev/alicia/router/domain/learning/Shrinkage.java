package dev.alicia.router.domain.learning;

/**
 * How many outcomes each level needs before its own record weighs as much as the level above it (the strength
 * of its Beta prior). Larger means slower to believe a cell differs from its parent, and less exploration.
 *
 * @param intent intent toward the global rate
 * @param band intent × emotion band toward the intent
 * @param context channel, language and tier adjustments toward none
 * @param agent the agent overall toward an average agent
 * @param agentIntent the agent with this intent toward the agent overall
 * @param agentIntentBand the agent with this intent and emotion band toward the agent with this intent
 */
public record Shrinkage(
        double intent, double band, double context, double agent, double agentIntent, double agentIntentBand) {

    public static final Shrinkage DEFAULTS = new Shrinkage(20, 20, 50, 20, 30, 20);

    public Shrinkage {
        if (intent <= 0 || band <= 0 || context <= 0 || agent <= 0 || agentIntent <= 0 || agentIntentBand <= 0) {
            throw new IllegalArgumentException("every prior strength must be positive");
        }
    }
}
