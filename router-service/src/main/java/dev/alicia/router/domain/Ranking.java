package dev.alicia.router.domain;

import java.util.List;
import java.util.Optional;

/**
 * The agents who may take a contact, best first, and the ones set aside with the reason (language, skill level,
 * emotional load, rejected this contact already). The explanation of a decision is read from it.
 */
public record Ranking(Strategy strategy, List<ScoredCandidate> ranked, List<Exclusion> excluded) {

    public record Exclusion(String agentId, String reason) {}

    /** Another agent who could have taken the contact, and the factor on which they fell furthest behind. */
    public record RunnerUp(String agentId, double score, String behindOn) {}

    public Optional<ScoredCandidate> best() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /** Up to {@code limit} agents after {@code winner}, each with why they lost to them. */
    public List<RunnerUp> runnersUp(String winner, int limit) {
        ScoredCandidate won = ranked.stream()
                .filter(s -> s.agentId().equals(winner))
                .findFirst()
                .orElse(null);
        return ranked.stream()
                .filter(s -> !s.agentId().equals(winner))
                .limit(limit)
                .map(s -> new RunnerUp(s.agentId(), s.score(), won == null ? "" : behindOn(won, s)))
                .toList();
    }

    private static String behindOn(ScoredCandidate winner, ScoredCandidate other) {
        String worst = "tie, broken by agent order";
        double gap = 0;
        for (Factor factor : winner.factors()) {
            double behind = factor.contribution() - other.contribution(factor.name());
            if (behind > gap + 1e-9) {
                gap = behind;
                worst = factor.name() + " (" + round(other.contribution(factor.name())) + " vs "
                        + round(factor.contribution()) + ")";
            }
        }
        return worst;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
