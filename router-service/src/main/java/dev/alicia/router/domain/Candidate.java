package dev.alicia.router.domain;

import java.util.Map;

/**
 * An agent who could take the contact now, as routing sees them: languages and skills with their level 1-5,
 * strengths 0-1 (empathy, deescalation, formal, informal...), since when they are idle (epoch ms, 0 when not
 * idle), how loaded they are, their run of distressed contacts, and what the learning model expects of them
 * for this kind of contact (0-1; {@code null} when it has no opinion).
 */
public record Candidate(
        String agentId,
        Map<String, Integer> languages,
        Map<String, Integer> skills,
        Map<String, Double> strengths,
        long idleSince,
        double occupancy,
        DistressStreak streak,
        Double outcomeEstimate) {

    public Candidate {
        languages = Map.copyOf(languages);
        skills = Map.copyOf(skills);
        strengths = Map.copyOf(strengths);
        streak = streak == null ? DistressStreak.NONE : streak;
    }

    public static Candidate of(String agentId, Map<String, Integer> languages, Map<String, Integer> skills) {
        return new Candidate(agentId, languages, skills, Map.of(), 0, 0, DistressStreak.NONE, null);
    }

    public double strength(String name) {
        return strengths.getOrDefault(name, 0.5);
    }

    public Candidate withStreak(DistressStreak streak) {
        return new Candidate(agentId, languages, skills, strengths, idleSince, occupancy, streak, outcomeEstimate);
    }

    public Candidate withOutcomeEstimate(Double estimate) {
        return new Candidate(agentId, languages, skills, strengths, idleSince, occupancy, streak, estimate);
    }
}
