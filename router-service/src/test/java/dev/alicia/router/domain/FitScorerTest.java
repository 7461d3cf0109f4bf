package dev.alicia.router.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FitScorerTest {

    private final FitScorer scorer = new FitScorer();

    @Test
    void never_ranks_an_agent_who_does_not_speak_the_customers_language() {
        Candidate englishExpert = new Candidate("en-expert", Set.of("en"), Map.of("stolen_card", 5));
        Candidate frenchNovice = new Candidate("fr-novice", Set.of("fr"), Map.of("stolen_card", 1));

        List<ScoredCandidate> ranked =
                scorer.rank(new ContactNeeds("fr", "stolen_card"), List.of(englishExpert, frenchNovice));

        assertThat(ranked).extracting(s -> s.candidate().agentId()).containsExactly("fr-novice");
    }

    @Test
    void prefers_the_agent_most_proficient_in_the_intent_and_explains_why() {
        Candidate generalist = new Candidate("generalist", Set.of("fr"), Map.of("stolen_card", 2));
        Candidate fraudExpert = new Candidate("fraud-expert", Set.of("fr", "en"), Map.of("stolen_card", 5));

        List<ScoredCandidate> ranked =
                scorer.rank(new ContactNeeds("fr", "stolen_card"), List.of(generalist, fraudExpert));

        assertThat(ranked).extracting(s -> s.candidate().agentId()).containsExactly("fraud-expert", "generalist");
        assertThat(ranked.get(0).factors())
                .extracting(Factor::name, Factor::contribution)
                .containsExactly(tuple("language", 1.0), tuple("skill", 1.0));
        assertThat(ranked.get(0).score()).isEqualTo(2.0);
    }

    @Test
    void breaks_ties_by_agent_id_so_that_a_decision_is_reproducible() {
        Candidate b = new Candidate("b", Set.of("fr"), Map.of());
        Candidate a = new Candidate("a", Set.of("fr"), Map.of());

        assertThat(scorer.rank(new ContactNeeds("fr", null), List.of(b, a)))
                .extracting(s -> s.candidate().agentId())
                .containsExactly("a", "b");
    }
}
