package dev.alicia.sim;

import java.util.Map;

import dev.alicia.router.domain.Candidate;
import dev.alicia.router.domain.DistressStreak;
import dev.alicia.router.domain.learning.EmotionBand;

/** A simulated agent: the profile the router sees, the truth it does not, and their state in the run. */
final class SimAgent {

    final int index;
    final String id;
    final Map<String, Integer> languages;
    final Map<String, Integer> skills;
    final Map<String, Double> strengths;

    // The hidden truth, on the log-odds scale of resolution unless said otherwise.
    final double ability;
    final Map<String, Double> specialty;
    final double emotionSkill;
    /** Satisfaction points added with upset and distressed customers. */
    final double warmth;
    /** Handle time multiplier, mean 1 over agents. */
    final double speed;
    /** Log-odds lost per fluency level below native. */
    final double fluencyEffect;

    long idleSince;
    DistressStreak streak = DistressStreak.NONE;
    long busyMillis;

    SimAgent(
            int index,
            Map<String, Integer> languages,
            Map<String, Integer> skills,
            Map<String, Double> strengths,
            double ability,
            Map<String, Double> specialty,
            double emotionSkill,
            double warmth,
            double speed,
            double fluencyEffect) {
        this.index = index;
        this.id = String.format("agent-%03d", index);
        this.languages = Map.copyOf(languages);
        this.skills = Map.copyOf(skills);
        this.strengths = Map.copyOf(strengths);
        this.ability = ability;
        this.specialty = Map.copyOf(specialty);
        this.emotionSkill = emotionSkill;
        this.warmth = warmth;
        this.speed = speed;
        this.fluencyEffect = fluencyEffect;
    }

    Candidate candidate() {
        return new Candidate(id, languages, skills, strengths, idleSince, 0, streak, null);
    }

    /** The true probability that this agent resolves the contact; only the simulated world knows it. */
    double resolution(SimContact contact) {
        int fluency = languages.getOrDefault(contact.language, 1);
        double emotional = emotionSkill * emotionalWeight(contact.band);
        return sigmoid(contact.baseLogit
                + ability
                + specialty.getOrDefault(contact.intent, 0.0)
                + emotional
                - fluencyEffect * (5 - fluency));
    }

    /** How much the customer's feeling calls on the agent's emotional skill. */
    static double emotionalWeight(EmotionBand band) {
        return switch (band) {
            case CALM -> 0;
            case UPSET -> 0.5;
            case DISTRESSED -> 1;
        };
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
