package dev.alicia.router.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BetterMatchHoldTest {

    private final BetterMatchHold hold = new BetterMatchHold(20_000, 0.1);

    @Test
    void holds_a_contact_for_a_busy_agent_at_least_the_margin_better_than_the_best_free_one() {
        assertThat(hold.threshold(0.55, 0.70)).isEqualTo(0.65, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void does_not_hold_for_a_busy_agent_only_a_little_better() {
        assertThat(hold.threshold(0.55, 0.60)).isNaN();
    }

    @Test
    void does_not_hold_when_nobody_is_free_or_nobody_else_could_take_it() {
        assertThat(hold.threshold(Double.NaN, 0.9)).isNaN();
        assertThat(hold.threshold(0.5, Double.NaN)).isNaN();
    }

    @Test
    void a_held_contact_goes_only_to_an_agent_reaching_the_threshold_until_its_wait_is_over() {
        assertThat(hold.accepts(0.65, 0.60, 5_000)).isFalse();
        assertThat(hold.accepts(0.65, 0.66, 5_000)).isTrue();
        assertThat(hold.accepts(0.65, 0.40, 20_000)).isTrue();
        assertThat(hold.accepts(Double.NaN, 0.10, 0)).as("not held").isTrue();
    }

    @Test
    void a_queue_without_a_hold_never_holds() {
        assertThat(BetterMatchHold.NONE.threshold(0.1, 0.9)).isNaN();
        assertThat(BetterMatchHold.NONE.mayHold(0)).isFalse();
    }

    @Test
    void a_hold_ends_at_its_longest_wait_after_the_contact_started_waiting() {
        assertThat(hold.releaseAt(1_000)).isEqualTo(21_000);
        assertThat(hold.mayHold(19_999)).isTrue();
        assertThat(hold.mayHold(20_000)).isFalse();
    }

    @Test
    void refuses_a_margin_that_would_hold_for_an_agent_no_better() {
        assertThatThrownBy(() -> new BetterMatchHold(20_000, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_best_estimate_counts_only_agents_the_hard_rules_let_take_the_contact() {
        AgentRanker ranker = new AgentRanker(ScoringWeights.DEFAULTS, new EmotionalLoadGuard(3, 120_000));
        AgentRanker.Request request = new AgentRanker.Request(
                ContactNeeds.of("fr", "mortgage"), Strategy.PREDICTIVE, Set.of("declined"), null, 1_000);
        double best = ranker.bestEstimate(
                request,
                List.of(
                        Candidate.of("english", Map.of("en", 5), Map.of("mortgage", 5))
                                .withOutcomeEstimate(0.99),
                        Candidate.of("declined", Map.of("fr", 5), Map.of("mortgage", 5))
                                .withOutcomeEstimate(0.95),
                        Candidate.of("french", Map.of("fr", 5), Map.of("mortgage", 2))
                                .withOutcomeEstimate(0.61),
                        Candidate.of("unknown", Map.of("fr", 4), Map.of()).withOutcomeEstimate(null)));

        assertThat(best).isEqualTo(0.61);
        assertThat(ranker.bestEstimate(request, List.of())).isNaN();
    }
}
