package dev.alicia.router.domain;

import java.util.List;

/** A candidate with their predicted fit and the factors that made it. */
public record ScoredCandidate(Candidate candidate, double score, List<Factor> factors) {}
