package dev.alicia.router.domain.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import dev.alicia.router.domain.Candidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LearnerTest {

    private static final ContactKind FRAUD = new ContactKind("fraud", "voice", "en", EmotionBand.CALM, "standard");
    private static final ContactKind BILLING = new ContactKind("billing", "voice", "en", EmotionBand.CALM, "standard");

    private final InMemoryOutcomeCounts counts = new InMemoryOutcomeCounts();
    private final OutcomeLearner learner = new OutcomeLearner(counts, LearningSettings.DEFAULTS);
    private final SplittableRandom world = new SplittableRandom(7);
    private final SplittableRandom thompson = new SplittableRandom(11);

    private static List<Candidate> agents(String... ids) {
        List<Candidate> agents = new ArrayList<>();
        for (String id : ids) {
            agents.add(Candidate.of(id, Map.of("en", 5), Map.of("fraud", 3, "billing", 3)));
        }
        return agents;
    }

    /** One decision as the ranker would make it if the learned estimate were all it weighed. */
    private String choose(ContactKind kind, List<Candidate> agents) {
        return learner.withEstimates(kind, agents, thompson).stream()
                .max(Comparator.comparingDouble(Candidate::outcomeEstimate))
                .orElseThrow()
                .agentId();
    }

    private void handle(String agentId, ContactKind kind, double trueResolution) {
        learner.record(agentId, kind, new ContactOutcome(world.nextDouble() < trueResolution, null, 300));
    }

    @Test
    void learner_converges_to_the_agent_who_truly_resolves_fraud_best() {
        Map<String, Double> fraud = Map.of("ana", 0.55, "ben", 0.6, "cleo", 0.8, "dan", 0.5);
        Map<String, Double> billing = Map.of("ana", 0.85, "ben", 0.7, "cleo", 0.7, "dan", 0.7);
        List<Candidate> agents = agents("ana", "ben", "cleo", "dan");
        Map<String, Integer> lateFraud = new HashMap<>();

        for (int contact = 0; contact < 4_000; contact++) {
            boolean isFraud = contact % 2 == 0;
            ContactKind kind = isFraud ? FRAUD : BILLING;
            String chosen = choose(kind, agents);
            handle(chosen, kind, (isFraud ? fraud : billing).get(chosen));
            if (isFraud && contact >= 3_000) {
                lateFraud.merge(chosen, 1, Integer::sum);
            }
        }

        assertThat(lateFraud.getOrDefault("cleo", 0)).isGreaterThan(400); // of 500
        Map<String, OutcomeModel.Estimate> fraudEstimates =
                learner.estimates(FRAUD, List.of("ana", "ben", "cleo", "dan"));
        assertThat(best(fraudEstimates)).isEqualTo("cleo");
        assertThat(fraudEstimates.get("cleo").resolution()).isBetween(0.7, 0.9);
        assertThat(best(learner.estimates(BILLING, List.of("ana", "ben", "cleo", "dan"))))
                .isEqualTo("ana");
    }

    @Test
    void a_new_agent_gets_explored_rather_than_ignored_behind_colleagues_with_a_long_record() {
        for (String veteran : List.of("ana", "ben", "cleo")) {
            for (int i = 0; i < 300; i++) {
                handle(veteran, FRAUD, 0.6);
            }
        }
        List<Candidate> floor = agents("ana", "ben", "cleo", "newbie");
        int newbie = 0;

        for (int contact = 0; contact < 300; contact++) {
            String chosen = choose(FRAUD, floor);
            handle(chosen, FRAUD, 0.6);
            newbie += chosen.equals("newbie") ? 1 : 0;
        }

        // Tried, without being handed everything for merely being new.
        assertThat(newbie).isBetween(10, 200);
    }

    @Test
    void a_new_agent_who_is_truly_better_takes_over_once_the_record_shows_it() {
        for (String veteran : List.of("ana", "ben", "cleo")) {
            for (int i = 0; i < 300; i++) {
                handle(veteran, FRAUD, 0.6);
            }
        }
        List<Candidate> floor = agents("ana", "ben", "cleo", "newbie");
        Map<String, Double> truth = Map.of("ana", 0.6, "ben", 0.6, "cleo", 0.6, "newbie", 0.85);
        int late = 0;

        for (int contact = 0; contact < 1_500; contact++) {
            String chosen = choose(FRAUD, floor);
            handle(chosen, FRAUD, truth.get(chosen));
            late += contact >= 1_300 && chosen.equals("newbie") ? 1 : 0;
        }

        assertThat(late).isGreaterThan(150); // of 200
    }

    @Test
    void an_early_lucky_streak_does_not_lock_the_learner_onto_an_agent() {
        // Ana's first three contacts all resolve by luck; Ben is the better agent.
        for (int i = 0; i < 3; i++) {
            learner.record("ana", FRAUD, new ContactOutcome(true, null, 300));
        }
        Map<String, Double> truth = Map.of("ana", 0.4, "ben", 0.7);
        List<Candidate> floor = agents("ana", "ben");
        int benLate = 0;

        for (int contact = 0; contact < 800; contact++) {
            String chosen = choose(FRAUD, floor);
            handle(chosen, FRAUD, truth.get(chosen));
            benLate += contact >= 600 && chosen.equals("ben") ? 1 : 0;
        }

        assertThat(benLate).isGreaterThan(170); // of 200
    }

    @Test
    void with_no_record_of_an_intent_an_agent_starts_from_their_record_overall() {
        for (int i = 0; i < 400; i++) {
            handle("strong", BILLING, 0.9);
            handle("weak", BILLING, 0.5);
        }
        ContactKind rare = new ContactKind("chargeback", "voice", "en", EmotionBand.CALM, "standard");

        Map<String, OutcomeModel.Estimate> estimates = learner.estimates(rare, List.of("strong", "weak", "unknown"));

        assertThat(estimates.get("strong").resolution())
                .isGreaterThan(estimates.get("unknown").resolution());
        assertThat(estimates.get("unknown").resolution())
                .isGreaterThan(estimates.get("weak").resolution());
    }

    @Test
    void an_agent_given_the_hardest_customers_is_not_taken_for_a_weak_one() {
        ContactKind calm = BILLING;
        ContactKind distressed = new ContactKind("billing", "voice", "en", EmotionBand.DISTRESSED, "standard");
        // The floor: calm customers resolve 80% of the time, distressed ones 50%.
        for (int i = 0; i < 2_000; i++) {
            handle("pool-" + (i % 10), calm, 0.8);
            handle("pool-" + (i % 10), distressed, 0.5);
        }
        // Hana only ever gets distressed customers, and resolves 62% of them; Carl gets calm ones, at the average.
        for (int i = 0; i < 500; i++) {
            handle("hana", distressed, 0.62);
            handle("carl", calm, 0.8);
        }

        Map<String, OutcomeModel.Estimate> forCalm = learner.estimates(calm, List.of("hana", "carl"));

        assertThat(forCalm.get("hana").resolution())
                .isGreaterThan(forCalm.get("carl").resolution());
    }

    @Test
    void handle_time_is_a_cost_only_where_configured_and_never_for_a_distressed_customer() {
        Objective objective = new Objective(1, 0, 0.5, Set.of("billing"));
        OutcomeLearner timed = new OutcomeLearner(counts, new LearningSettings(Shrinkage.DEFAULTS, objective));
        ContactKind distressed = new ContactKind("billing", "voice", "en", EmotionBand.DISTRESSED, "standard");
        for (ContactKind kind : List.of(BILLING, distressed, FRAUD)) {
            for (int i = 0; i < 300; i++) {
                timed.record("slow", kind, new ContactOutcome(i % 4 != 0, null, 600));
                timed.record("fast", kind, new ContactOutcome(i % 4 != 0, null, 200));
            }
        }

        assertThat(value(timed, BILLING, "fast")).isGreaterThan(value(timed, BILLING, "slow") + 0.1);
        assertThat(value(timed, distressed, "fast")).isCloseTo(value(timed, distressed, "slow"), within());
        assertThat(value(timed, FRAUD, "fast")).isCloseTo(value(timed, FRAUD, "slow"), within());
    }

    @Test
    void router_instances_sharing_one_store_learn_together() {
        OutcomeLearner first = new OutcomeLearner(counts, LearningSettings.DEFAULTS);
        OutcomeLearner second = new OutcomeLearner(counts, LearningSettings.DEFAULTS);
        for (int i = 0; i < 200; i++) {
            (i % 2 == 0 ? first : second).record("ana", FRAUD, new ContactOutcome(i % 5 != 0, 4.0, 300));
        }

        Map<String, OutcomeModel.Estimate> seenByFirst = first.estimates(FRAUD, List.of("ana"));
        Map<String, OutcomeModel.Estimate> seenBySecond = second.estimates(FRAUD, List.of("ana"));

        assertThat(seenByFirst).isEqualTo(seenBySecond);
        assertThat(counts.read(OutcomeKeys.agent("ana")).contacts()).isEqualTo(200);
    }

    @Test
    void the_same_seed_gives_the_same_draws() {
        for (int i = 0; i < 50; i++) {
            handle("ana", FRAUD, 0.6);
        }
        List<Candidate> floor = agents("ana", "ben");

        List<Double> once = draws(floor, new SplittableRandom(3));
        List<Double> again = draws(floor, new SplittableRandom(3));

        assertThat(once).isEqualTo(again);
        assertThat(once).allSatisfy(d -> assertThat(d).isBetween(0.0, 1.0));
    }

    private List<Double> draws(List<Candidate> floor, SplittableRandom random) {
        return learner.withEstimates(FRAUD, floor, random).stream()
                .map(Candidate::outcomeEstimate)
                .toList();
    }

    private static double value(OutcomeLearner learner, ContactKind kind, String agent) {
        return learner.estimates(kind, List.of(agent)).get(agent).value();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.005);
    }

    private static String best(Map<String, OutcomeModel.Estimate> estimates) {
        return estimates.entrySet().stream()
                .max(Comparator.comparingDouble(e -> e.getValue().resolution()))
                .orElseThrow()
                .getKey();
    }

    @Test
    void an_agent_with_no_outcome_yet_has_no_advantage_on_any_kind_and_gains_one_from_their_record() {
        for (int i = 0; i < 40; i++) {
            handle("veteran", FRAUD, 0.5);
            handle("veteran", BILLING, 0.5);
            handle("fraud-expert", FRAUD, 0.95);
            handle("fraud-expert", BILLING, 0.5);
        }

        assertThat(learner.knows("newcomer")).isFalse();
        assertThat(learner.estimates(FRAUD, List.of("newcomer")).get("newcomer").advantage())
                .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(learner.estimates(BILLING, List.of("newcomer"))
                        .get("newcomer")
                        .advantage())
                .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(learner.knows("fraud-expert")).isTrue();
        OutcomeModel.Estimate onFraud =
                learner.estimates(FRAUD, List.of("fraud-expert")).get("fraud-expert");
        OutcomeModel.Estimate onBilling =
                learner.estimates(BILLING, List.of("fraud-expert")).get("fraud-expert");
        assertThat(onFraud.advantage()).isGreaterThan(onBilling.advantage() + 0.05);
        // Better at fraud than average, so better in general: their edge is positive, but smaller than on fraud.
        assertThat(onFraud.edge()).isPositive().isLessThan(onFraud.advantage());
    }
}
