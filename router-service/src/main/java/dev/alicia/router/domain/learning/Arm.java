package dev.alicia.router.domain.learning;

/** Which side of the A/B holdout a contact is on; the decision is tagged with it so uplift can be measured. */
public enum Arm {
    /** Routed by the queue's strategy: the learning router. */
    PREDICTIVE,
    /** Held out: routed by the baseline strategy, the control group. */
    BASELINE
}
