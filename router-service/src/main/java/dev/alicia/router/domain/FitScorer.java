package dev.alicia.router.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks available agents for a contact. Language is a hard constraint (a customer is never handed to an
 * agent who cannot speak with them); among the rest, proficiency in the contact's intent decides, ties
 * broken by agent id so a decision is reproducible. This is the walking skeleton's scorer: emotion,
 * affinity, fairness and learned outcomes join it in the router issue.
 */
public final class FitScorer {

    static final double LANGUAGE_MATCH = 1.0;
    static final double PER_PROFICIENCY_LEVEL = 0.2;

    public List<ScoredCandidate> rank(ContactNeeds needs, Collection<Candidate> candidates) {
        List<ScoredCandidate> ranked = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (needs.language() != null && !candidate.languages().contains(needs.language())) {
                continue;
            }
            List<Factor> factors = new ArrayList<>();
            if (needs.language() != null) {
                factors.add(new Factor("language", LANGUAGE_MATCH, "speaks " + needs.language()));
            }
            if (needs.intent() != null) {
                int proficiency = candidate.skills().getOrDefault(needs.intent(), 0);
                factors.add(new Factor(
                        "skill",
                        proficiency * PER_PROFICIENCY_LEVEL,
                        needs.intent() + " proficiency " + proficiency + "/5"));
            }
            double score = factors.stream().mapToDouble(Factor::contribution).sum();
            ranked.add(new ScoredCandidate(candidate, score, List.copyOf(factors)));
        }
        ranked.sort(Comparator.comparingDouble(ScoredCandidate::score)
                .reversed()
                .thenComparing(s -> s.candidate().agentId()));
        return ranked;
    }
}
