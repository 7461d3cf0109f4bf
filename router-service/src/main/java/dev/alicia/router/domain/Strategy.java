package dev.alicia.router.domain;

/**
 * How a queue picks among the agents who may take a contact. PREDICTIVE is the product; the others are the
 * baselines it is measured against, and real options for queues that want them.
 */
public enum Strategy {
    /** Predicted fit: skills, language fluency, register, emotion × strengths, affinity, fairness, learning. */
    PREDICTIVE,
    /** The agent idle the longest (classic ACD). */
    LONGEST_IDLE,
    /** Agents in turn, in a fixed order, after the one who got the queue's last contact. */
    ROUND_ROBIN,
    /** The most proficient in the contact's skill; the longest idle among equals. */
    SKILLS_ONLY
}
