package dev.alicia.router.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueRulesTest {

    private final Classifier classifier = new Classifier("general", 5);

    private static RoutingRule fraudRule() {
        return new RoutingRule(
                "fraud",
                10,
                Set.of(),
                Set.of("stolen_card", "fraud"),
                Set.of(),
                Set.of(),
                Set.of(),
                "fraud",
                2,
                Map.of("stolen_card", 3));
    }

    @Test
    void sends_a_stolen_card_to_the_fraud_queue_with_its_skills_and_lifts_its_priority_when_urgent() {
        Classification classification = classifier.classify(
                new ContactFacts("VOICE", "stolen_card", "fr", null, Set.of("urgent")), List.of(fraudRule()));

        assertThat(classification).isEqualTo(new Classification("fraud", 7, Map.of("stolen_card", 3), "fraud"));
    }

    @Test
    void leaves_nothing_unroutable_a_contact_no_rule_matches_goes_to_the_default_queue() {
        Classification classification = classifier.classify(
                new ContactFacts("CHAT", "opening_hours", "en", null, Set.of()), List.of(fraudRule()));

        assertThat(classification).isEqualTo(new Classification("general", 0, Map.of(), "default"));
    }

    @Test
    void tries_rules_in_order_and_takes_the_first_that_matches() {
        RoutingRule vipVoice = new RoutingRule(
                "vip-voice", 1, Set.of("VOICE"), Set.of(), Set.of(), Set.of("gold"), Set.of(), "vip", 4, Map.of());

        assertThat(classifier
                        .classify(
                                new ContactFacts("VOICE", "stolen_card", "fr", "gold", Set.of()),
                                List.of(fraudRule(), vipVoice))
                        .queue())
                .isEqualTo("vip");
    }

    @Test
    void serves_higher_priority_first_but_lets_a_long_wait_catch_up() {
        QueueOrder order = new QueueOrder(30_000);
        double calmEarly = order.rank(0, 1_000_000);
        double urgentLater = order.rank(5, 1_060_000);
        double calmMuchEarlier = order.rank(0, 800_000);

        assertThat(urgentLater).isLessThan(calmEarly);
        assertThat(calmMuchEarlier).isLessThan(urgentLater);
    }

    @Test
    void estimates_the_wait_from_the_position_the_staffing_and_the_recent_handle_time() {
        assertThat(WaitEstimate.millis(1, 2, 240_000)).isEqualTo(240_000);
        assertThat(WaitEstimate.millis(5, 2, 240_000)).isEqualTo(720_000);
        assertThat(WaitEstimate.millis(3, 0, 100_000)).isEqualTo(300_000);
    }

    @Test
    void widening_relaxes_skills_then_overflows_then_offers_a_callback_each_step_once() {
        Widening widening = new Widening(List.of(
                new Widening.Step(120_000, Widening.Action.OFFER_CALLBACK, 0, null),
                new Widening.Step(30_000, Widening.Action.RELAX_SKILLS, 1, null),
                new Widening.Step(60_000, Widening.Action.OVERFLOW, 0, "general")));
        Map<String, Integer> fraud = Map.of("stolen_card", 3);

        assertThat(widening.due(10_000, 0)).isEmpty();
        assertThat(widening.due(45_000, 0))
                .extracting(Widening.Step::action)
                .containsExactly(Widening.Action.RELAX_SKILLS);
        assertThat(widening.due(130_000, 1))
                .extracting(Widening.Step::action)
                .containsExactly(Widening.Action.OVERFLOW, Widening.Action.OFFER_CALLBACK);
        assertThat(Widening.apply(fraud, widening.due(45_000, 0), queue -> Map.of()))
                .isEqualTo(Map.of("stolen_card", 1));
        assertThat(Widening.apply(fraud, widening.due(65_000, 0), queue -> Map.of()))
                .isEmpty();
        assertThat(widening.nextAfter(1)).isEqualTo(60_000);
        assertThat(widening.nextAfter(3)).isEqualTo(-1);
    }

    @Test
    void the_emotional_load_guard_cools_an_agent_down_after_the_configured_run_of_distressed_contacts() {
        EmotionalLoadGuard guard = new EmotionalLoadGuard(2, 60_000);
        DistressStreak streak = guard.after(DistressStreak.NONE, true, 0);
        assertThat(guard.allows(streak, true, 1)).isTrue();

        streak = guard.after(streak, true, 1_000);
        assertThat(guard.allows(streak, true, 2_000)).isFalse();
        assertThat(guard.allows(streak, false, 2_000)).isTrue();
        assertThat(guard.allows(streak, true, 61_001)).isTrue();

        assertThat(guard.after(guard.after(DistressStreak.NONE, true, 0), false, 1))
                .isEqualTo(DistressStreak.NONE);
    }
}
