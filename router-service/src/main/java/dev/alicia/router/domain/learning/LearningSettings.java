package dev.alicia.router.domain.learning;

/** How the outcome learner shrinks and what it optimises. */
public record LearningSettings(Shrinkage shrinkage, Objective objective) {

    public static final LearningSettings DEFAULTS = new LearningSettings(Shrinkage.DEFAULTS, Objective.DEFAULTS);

    public LearningSettings {
        shrinkage = shrinkage == null ? Shrinkage.DEFAULTS : shrinkage;
        objective = objective == null ? Objective.DEFAULTS : objective;
    }
}
