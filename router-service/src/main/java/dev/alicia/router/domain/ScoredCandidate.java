package dev.alicia.router.domain;

import java.util.List;

/** A candidate with their predicted fit and the factors that made it. */
public record ScoredCandidate(Candidate candidate, double score, List<Factor> factors) {

    public String agentId() {
        return candidate.agentId();
    }

    public double contribution(String factor) {
        return factors.stream()
                .filter(f -> f.name().equals(factor))
                .mapToDouble(Factor::contribution)
                .sum();
    }
}
