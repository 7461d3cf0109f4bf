package dev.alicia.router.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import dev.alicia.context.client.model.Emotion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentRankerTest {

    private static final long NOW = 1_800_000_000_000L;
    private final AgentRanker ranker = new AgentRanker(ScoringWeights.DEFAULTS, new EmotionalLoadGuard(3, 120_000));

    private static Candidate agent(String id, Map<String, Integer> languages, Map<String, Integer> skills) {
        return Candidate.of(id, languages, skills);
    }

    private static Candidate agent(String id, String language, int fraud, double empathy, double deescalation) {
        return new Candidate(
                id,
                Map.of(language, 5),
                Map.of("stolen_card", fraud),
                Map.of("empathy", empathy, "deescalation", deescalation),
                NOW - 60_000,
                0,
                DistressStreak.NONE,
                null);
    }

    private Ranking rank(ContactNeeds needs, Strategy strategy, Candidate... candidates) {
        return ranker.rank(new AgentRanker.Request(needs, strategy, Set.of(), null, NOW), List.of(candidates), 10);
    }

    private static ContactNeeds distressed(String language, Emotion emotion, double intensity) {
        return new ContactNeeds(language, null, "stolen_card", Map.of(), emotion, intensity, null, null);
    }

    @Test
    void never_ranks_an_agent_who_does_not_speak_the_customers_language() {
        Ranking ranking = rank(
                ContactNeeds.of("fr", "stolen_card"),
                Strategy.PREDICTIVE,
                agent("en-expert", Map.of("en", 5), Map.of("stolen_card", 5)),
                agent("fr-novice", Map.of("fr", 3), Map.of("stolen_card", 1)));

        assertThat(ranking.ranked()).extracting(ScoredCandidate::agentId).containsExactly("fr-novice");
        assertThat(ranking.excluded()).containsExactly(new Ranking.Exclusion("en-expert", "does not speak fr"));
    }

    @Test
    void routes_a_distressed_french_caller_to_the_french_agent_with_the_highest_empathy_rating() {
        Ranking ranking = rank(
                distressed("fr", Emotion.FEAR, 0.8),
                Strategy.PREDICTIVE,
                agent("luc", "fr", 5, 0.3, 0.9),
                agent("camille", "fr", 5, 0.95, 0.4),
                agent("john", "en", 5, 1.0, 1.0));

        assertThat(ranking.ranked()).extracting(ScoredCandidate::agentId).containsExactly("camille", "luc");
        ScoredCandidate camille = ranking.ranked().get(0);
        assertThat(camille.factors()).anySatisfy(f -> assertThat(f.detail()).isEqualTo("FEAR (0.8) × empathy 0.95"));
        assertThat(ranking.runnersUp("camille", 3))
                .singleElement()
                .satisfies(r -> assertThat(r.behindOn()).startsWith("emotion"));
    }

    @Test
    void sends_an_angry_customer_to_the_best_de_escalator() {
        Ranking ranking = rank(
                distressed("fr", Emotion.ANGER, 0.9),
                Strategy.PREDICTIVE,
                agent("camille", "fr", 5, 0.95, 0.4),
                agent("luc", "fr", 5, 0.3, 0.9));

        assertThat(ranking.best()).get().extracting(ScoredCandidate::agentId).isEqualTo("luc");
    }

    @Test
    void prefers_the_agent_who_resolved_the_customers_last_contact_not_merely_the_last_one_they_spoke_to() {
        Candidate resolver = agent("resolver", "fr", 3, 0.5, 0.5);
        Candidate lastSpoke = agent("last-spoke", "fr", 3, 0.5, 0.5);
        ContactNeeds needs = new ContactNeeds("fr", null, "stolen_card", Map.of(), null, 0, "resolver", "last-spoke");

        Ranking ranking = rank(needs, Strategy.PREDICTIVE, lastSpoke, resolver);

        assertThat(ranking.ranked()).extracting(ScoredCandidate::agentId).containsExactly("resolver", "last-spoke");
        assertThat(ranking.ranked().get(1).factors())
                .anySatisfy(f -> assertThat(f.detail()).contains("without resolving"));
    }

    @Test
    void enforces_the_queues_minimum_skill_level_and_says_why_an_agent_was_left_out() {
        ContactNeeds needs = ContactNeeds.of("fr", "stolen_card").withRequiredSkills(Map.of("stolen_card", 3));

        Ranking ranking = rank(
                needs, Strategy.PREDICTIVE, agent("novice", "fr", 2, 1.0, 1.0), agent("expert", "fr", 4, 0.1, 0.1));

        assertThat(ranking.ranked()).extracting(ScoredCandidate::agentId).containsExactly("expert");
        assertThat(ranking.excluded())
                .extracting(Ranking.Exclusion::reason)
                .containsExactly("stolen_card 2/5, the queue needs 3");
    }

    @Test
    void never_offers_a_contact_again_to_an_agent_who_turned_it_down() {
        Ranking ranking = ranker.rank(
                new AgentRanker.Request(
                        ContactNeeds.of("fr", "stolen_card"), Strategy.PREDICTIVE, Set.of("best"), null, NOW),
                List.of(agent("best", "fr", 5, 1, 1), agent("second", "fr", 3, 0.5, 0.5)),
                10);

        assertThat(ranking.ranked()).extracting(ScoredCandidate::agentId).containsExactly("second");
    }

    @Test
    void spares_a_cooling_down_empathiser_a_distressed_customer_but_not_a_calm_one() {
        Candidate tired = agent("tired", "fr", 5, 1.0, 1.0).withStreak(new DistressStreak(0, NOW + 60_000));
        Candidate fresh = agent("fresh", "fr", 3, 0.5, 0.5);

        assertThat(rank(distressed("fr", Emotion.FEAR, 0.9), Strategy.PREDICTIVE, tired, fresh)
                        .ranked())
                .extracting(ScoredCandidate::agentId)
                .containsExactly("fresh");
        assertThat(rank(ContactNeeds.of("fr", "stolen_card"), Strategy.PREDICTIVE, tired, fresh)
                        .best()
                        .orElseThrow()
                        .agentId())
                .isEqualTo("tired");
    }

    @Test
    void counts_a_learned_outcome_estimate_against_the_neutral_prior() {
        Candidate proven = agent("proven", "fr", 3, 0.5, 0.5).withOutcomeEstimate(0.9);
        Candidate unknown = agent("unknown", "fr", 3, 0.5, 0.5);

        Ranking ranking = rank(ContactNeeds.of("fr", "stolen_card"), Strategy.PREDICTIVE, unknown, proven);

        assertThat(ranking.ranked()).extracting(ScoredCandidate::agentId).containsExactly("proven", "unknown");
        assertThat(ranking.ranked().get(1).contribution("learned")).isZero();
    }

    @Test
    void gives_a_fraud_call_to_the_fraud_specialist_rather_than_the_all_round_star_it_would_only_gain_a_little_from() {
        // The star resolves more of everything (+20 points over an average agent); on fraud they are expected a
        // little higher still than the specialist, who is average elsewhere but +15 on fraud. Keeping the star for
        // the contacts where nobody else comes close is worth more than the 3 points.
        Candidate star = agent("star", "fr", 3, 0.5, 0.5).withOutcomeEstimate(0.80, 0.20);
        Candidate specialist = agent("specialist", "fr", 3, 0.5, 0.5).withOutcomeEstimate(0.77, 0.0);

        Ranking ranking = rank(ContactNeeds.of("fr", "stolen_card"), Strategy.PREDICTIVE, star, specialist);

        assertThat(ranking.ranked()).extracting(ScoredCandidate::agentId).containsExactly("specialist", "star");
        assertThat(ranking.ranked().get(1).factors())
                .anySatisfy(f -> assertThat(f.detail())
                        .isEqualTo("expected resolution 80%, 20 points above an average agent in general: kept in"
                                + " part for contacts where they make more difference"));
        // With no weight on it, the estimate alone decides.
        AgentRanker plain =
                new AgentRanker(ScoringWeights.DEFAULTS.withOpportunity(0), new EmotionalLoadGuard(3, 120_000));
        assertThat(plain.rank(
                                new AgentRanker.Request(
                                        ContactNeeds.of("fr", "stolen_card"), Strategy.PREDICTIVE, Set.of(), null, NOW),
                                List.of(star, specialist),
                                10)
                        .ranked())
                .extracting(ScoredCandidate::agentId)
                .containsExactly("star", "specialist");
    }

    @Test
    void longest_idle_ignores_skill_and_takes_the_agent_waiting_longest() {
        Candidate expert = new Candidate(
                "expert", Map.of("fr", 5), Map.of("stolen_card", 5), Map.of(), NOW - 1_000, 0, null, null);
        Candidate idle =
                new Candidate("idle", Map.of("fr", 5), Map.of("stolen_card", 1), Map.of(), NOW - 90_000, 0, null, null);

        assertThat(rank(ContactNeeds.of("fr", "stolen_card"), Strategy.LONGEST_IDLE, expert, idle)
                        .best()
                        .orElseThrow()
                        .agentId())
                .isEqualTo("idle");
    }

    @Test
    void round_robin_takes_the_next_agent_after_the_one_who_had_the_queues_last_contact_and_wraps_around() {
        List<Candidate> agents = List.of(
                agent("a", Map.of("fr", 5), Map.of()),
                agent("b", Map.of("fr", 5), Map.of()),
                agent("c", Map.of("fr", 5), Map.of()));
        ContactNeeds needs = ContactNeeds.of("fr", null);

        assertThat(ranker.rank(new AgentRanker.Request(needs, Strategy.ROUND_ROBIN, Set.of(), "a", NOW), agents, 3)
                        .ranked())
                .extracting(ScoredCandidate::agentId)
                .containsExactly("b", "c", "a");
        assertThat(ranker.rank(new AgentRanker.Request(needs, Strategy.ROUND_ROBIN, Set.of(), "c", NOW), agents, 3)
                        .best()
                        .orElseThrow()
                        .agentId())
                .isEqualTo("a");
    }

    @Test
    void skills_only_takes_the_most_proficient_and_the_longest_idle_among_equals() {
        Candidate busyExpert = new Candidate(
                "busy-expert", Map.of("fr", 5), Map.of("stolen_card", 5), Map.of(), NOW - 1_000, 0, null, null);
        Candidate idleExpert = new Candidate(
                "idle-expert", Map.of("fr", 5), Map.of("stolen_card", 5), Map.of(), NOW - 300_000, 0, null, null);
        Candidate novice = new Candidate(
                "novice", Map.of("fr", 5), Map.of("stolen_card", 2), Map.of(), NOW - 600_000, 0, null, null);

        assertThat(rank(ContactNeeds.of("fr", "stolen_card"), Strategy.SKILLS_ONLY, busyExpert, novice, idleExpert)
                        .ranked())
                .extracting(ScoredCandidate::agentId)
                .containsExactly("idle-expert", "busy-expert", "novice");
    }

    @Test
    void explains_only_the_best_few_when_thousands_of_agents_qualify() {
        Candidate[] many = new Candidate[5_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = agent("agent-" + i, "fr", 1 + i % 5, (i % 100) / 100.0, 0.5);
        }

        Ranking ranking = ranker.rank(
                new AgentRanker.Request(distressed("fr", Emotion.FEAR, 1.0), Strategy.PREDICTIVE, Set.of(), null, NOW),
                List.of(many),
                5);

        // 50 agents share the best profile (empathy 0.99, proficiency 5): the first five by id.
        assertThat(ranking.ranked())
                .extracting(ScoredCandidate::agentId)
                .containsExactly("agent-1099", "agent-1199", "agent-1299", "agent-1399", "agent-1499");
        assertThat(ranking.ranked()).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()));
    }

    @Test
    void breaks_ties_by_agent_id_so_that_a_decision_is_reproducible() {
        assertThat(rank(
                                ContactNeeds.of("fr", null),
                                Strategy.PREDICTIVE,
                                agent("b", Map.of("fr", 5), Map.of()),
                                agent("a", Map.of("fr", 5), Map.of()))
                        .ranked())
                .extracting(ScoredCandidate::agentId)
                .containsExactly("a", "b");
    }

    @Test
    void an_english_billing_call_goes_to_the_agent_who_holds_nothing_rare_keeping_the_french_fraud_expert_free() {
        Candidate versatile = agent("camille", Map.of("en", 5, "fr", 5), Map.of("billing", 4, "stolen_card", 5));
        Candidate plain = agent("john", Map.of("en", 5), Map.of("billing", 4));
        Scarcity floor = Scarcity.census()
                .add(versatile.languages(), versatile.skills())
                .add(plain.languages(), plain.skills())
                .add(Map.of("en", 5), Map.of("billing", 3))
                .add(Map.of("en", 4), Map.of("billing", 2))
                .build();

        Ranking ranking = ranker.rank(
                new AgentRanker.Request(
                        ContactNeeds.of("en", "billing"), Strategy.PREDICTIVE, Set.of(), null, NOW, floor),
                List.of(versatile, plain),
                10);

        assertThat(ranking.ranked()).extracting(ScoredCandidate::agentId).containsExactly("john", "camille");
        assertThat(ranking.ranked().get(1).factors())
                .filteredOn(f -> f.name().equals("scarcity"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.contribution()).isNegative();
                    assertThat(f.detail()).contains("speaks fr", "has stolen_card");
                });
        // Without a census nobody is spared: the two are level on everything but their id.
        assertThat(rank(ContactNeeds.of("en", "billing"), Strategy.PREDICTIVE, versatile, plain)
                        .ranked()
                        .get(0)
                        .score())
                .isEqualTo(rank(ContactNeeds.of("en", "billing"), Strategy.PREDICTIVE, versatile, plain)
                        .ranked()
                        .get(1)
                        .score());
    }

    @Test
    void reads_languages_and_skills_by_name_however_the_names_were_decoded_and_however_many_an_agent_holds() {
        Map<String, Integer> polyglot = new HashMap<>();
        for (String language : List.of("de", "en", "es", "it", "nl", "pt")) {
            polyglot.put(language, 2);
        }
        polyglot.put(new String("fr".toCharArray()), 4);
        Map<String, Integer> skills = new HashMap<>(Map.of("billing", 3, "loans", 2, "mortgage", 1, "travel", 2));
        skills.put(new String("stolen_card".toCharArray()), 5);
        Candidate manyOfEach = new Candidate("many", polyglot, skills, Map.of(), NOW, 0, null, null);
        Candidate few = new Candidate(
                "few",
                Map.of(new String("fr".toCharArray()), 3),
                Map.of(new String("stolen_card".toCharArray()), 2),
                Map.of(),
                NOW,
                0,
                null,
                null);
        ContactNeeds needs = new ContactNeeds(
                new String("fr".toCharArray()),
                null,
                "stolen_card",
                Map.of(new String("stolen_card".toCharArray()), 2),
                Emotion.NEUTRAL,
                0,
                null,
                null);

        Ranking ranking = rank(needs, Strategy.PREDICTIVE, few, manyOfEach);

        assertThat(ranking.ranked()).extracting(ScoredCandidate::agentId).containsExactly("many", "few");
        assertThat(ranking.ranked().get(0).factors())
                .extracting(Factor::detail)
                .contains("stolen_card proficiency 5/5", "speaks fr (fluency 4/5)");
        assertThat(rank(ContactNeeds.of("sv", null), Strategy.PREDICTIVE, few, manyOfEach)
                        .ranked())
                .isEmpty();
    }

    @Test
    void keeps_the_same_best_few_with_the_same_scores_as_ranking_everyone_would() {
        SplittableRandom random = new SplittableRandom(7);
        List<Candidate> floor = new ArrayList<>();
        Scarcity.Builder census = Scarcity.census();
        for (int i = 0; i < 2_000; i++) {
            Map<String, Integer> languages = new HashMap<>(Map.of(random.nextBoolean() ? "fr" : "en", 3));
            if (random.nextInt(3) == 0) {
                languages.put("es", 1 + random.nextInt(5));
            }
            Map<String, Integer> skills = Map.of("stolen_card", random.nextInt(6), "loans", random.nextInt(2));
            Candidate candidate = new Candidate(
                    "agent-" + i,
                    languages,
                    skills,
                    Map.of("empathy", random.nextDouble(), "formal", random.nextDouble()),
                    NOW - random.nextLong(600_000),
                    random.nextInt(3) / 3.0,
                    null,
                    random.nextBoolean() ? null : random.nextDouble());
            floor.add(candidate);
            census.add(languages, skills);
        }
        AgentRanker.Request request = new AgentRanker.Request(
                new ContactNeeds(
                        "fr", "FORMAL", "stolen_card", Map.of("stolen_card", 1), Emotion.FEAR, 0.6, null, null),
                Strategy.PREDICTIVE,
                Set.of("agent-5"),
                null,
                NOW,
                census.build());

        List<ScoredCandidate> everyone =
                ranker.rank(request, floor, floor.size()).ranked();
        List<ScoredCandidate> best = ranker.rank(request, floor, 20).ranked();

        assertThat(everyone).hasSizeGreaterThan(20);
        assertThat(best)
                .extracting(ScoredCandidate::agentId)
                .containsExactlyElementsOf(everyone.subList(0, 20).stream()
                        .map(ScoredCandidate::agentId)
                        .toList());
        assertThat(best)
                .extracting(ScoredCandidate::score)
                .containsExactlyElementsOf(everyone.subList(0, 20).stream()
                        .map(ScoredCandidate::score)
                        .toList());
    }
}
