package dev.alicia.router.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

import dev.alicia.context.client.model.Emotion;

/**
 * Ranks the agents who may take a contact. Hard rules first, for every strategy: the customer's language, the
 * queue's minimum skill levels, the emotional-load guard, and never the agent who already turned this contact
 * down. Then the queue's strategy orders the rest. Only the best {@code explained} are scored factor by factor
 * (what the decision and its runners-up show); the others are compared on their score alone, so ranking stays
 * cheap over tens of thousands of agents. Ties are broken by agent id, so a decision is reproducible.
 */
public final class AgentRanker {

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingDouble(Entry::score)
            .reversed()
            .thenComparing(e -> e.candidate().agentId());
    private static final int EXCLUSIONS_KEPT = 10;

    private final ScoringWeights weights;
    private final EmotionalLoadGuard guard;

    public AgentRanker(ScoringWeights weights, EmotionalLoadGuard guard) {
        this.weights = weights;
        this.guard = guard;
    }

    /** What one decision asks: who turned the contact down already, and the round-robin cursor of the queue. */
    public record Request(
            ContactNeeds needs,
            Strategy strategy,
            Set<String> declinedBy,
            String roundRobinAfter,
            long now,
            Scarcity scarcity) {

        public Request {
            declinedBy = declinedBy == null ? Set.of() : Set.copyOf(declinedBy);
            scarcity = scarcity == null ? Scarcity.NONE : scarcity;
        }

        /** A request that knows nothing of the floor's rare languages and skills. */
        public Request(
                ContactNeeds needs, Strategy strategy, Set<String> declinedBy, String roundRobinAfter, long now) {
            this(needs, strategy, declinedBy, roundRobinAfter, now, Scarcity.NONE);
        }
    }

    public Ranking rank(Request request, Collection<Candidate> candidates, int explained) {
        Plan plan = new Plan(request, guard);
        PriorityQueue<Entry> best = new PriorityQueue<>(explained + 1, BEST_FIRST.reversed());
        List<Ranking.Exclusion> excluded = new ArrayList<>();
        for (Candidate candidate : candidates) {
            int why = plan.exclusion(candidate);
            if (why != KEPT) {
                // Reasons are written out only for the few that the decision shows.
                if (excluded.size() < EXCLUSIONS_KEPT) {
                    excluded.add(new Ranking.Exclusion(candidate.agentId(), plan.reason(why, candidate)));
                }
                continue;
            }
            double score = score(
                    request,
                    plan,
                    candidate,
                    best.size() < explained
                            ? Double.NEGATIVE_INFINITY
                            : best.peek().score());
            if (best.size() < explained) {
                best.add(new Entry(candidate, score));
            } else {
                Entry worst = best.peek();
                if (score > worst.score()
                        || (score == worst.score()
                                && candidate
                                                .agentId()
                                                .compareTo(worst.candidate().agentId())
                                        < 0)) {
                    best.poll();
                    best.add(new Entry(candidate, score));
                }
            }
        }
        List<Entry> top = new ArrayList<>(best);
        top.sort(BEST_FIRST);
        List<ScoredCandidate> ranked = new ArrayList<>(top.size());
        for (Entry entry : top) {
            ranked.add(explain(request, plan, entry));
        }
        return new Ranking(request.strategy(), List.copyOf(ranked), List.copyOf(excluded));
    }

    /**
     * The highest outcome estimate among the candidates the hard rules let take the contact (its language and
     * required skills, not one who declined it); NaN when none may. For {@link BetterMatchHold}: how well the best
     * agent could do, free or not. A candidate without an estimate counts as the neutral prior.
     */
    public double bestEstimate(Request request, Collection<Candidate> candidates) {
        Plan plan = new Plan(request, guard);
        double best = Double.NaN;
        for (Candidate candidate : candidates) {
            int why = plan.exclusion(candidate);
            if (why == KEPT || why == COOLING_DOWN) {
                double estimate = candidate.estimate();
                if (Double.isNaN(best) || estimate > best) {
                    best = estimate;
                }
            }
        }
        return best;
    }

    private static final int KEPT = 0;
    private static final int DECLINED = 1;
    private static final int LANGUAGE = 2;
    private static final int SKILL = 3;
    private static final int COOLING_DOWN = 4;

    /** What one request needs of every candidate, worked out once instead of once per agent. */
    private static final class Plan {

        private final Request request;
        private final EmotionalLoadGuard guard;
        private final String language;
        private final String[] requiredSkills;
        private final int[] minimumLevels;
        private final int skillIndex;
        private final boolean distressed;
        final String skill;
        final String register;
        final int registerSlot;
        final String emotionStrength;
        final int emotionSlot;
        private final String[] declined;
        final Scarcity.Unneeded unneeded;
        // Read by exclusion() for the candidate at hand, so that scoring does not look them up again.
        int fluency;
        int level;

        Plan(Request request, EmotionalLoadGuard guard) {
            this.request = request;
            this.guard = guard;
            ContactNeeds needs = request.needs();
            // Interned, as decoded map keys are: a candidate then matches them by reference.
            this.language = needs.language() == null ? null : needs.language().intern();
            this.requiredSkills = needs.requiredSkills().keySet().toArray(String[]::new);
            this.minimumLevels = new int[requiredSkills.length];
            for (int i = 0; i < requiredSkills.length; i++) {
                minimumLevels[i] = needs.requiredSkills().get(requiredSkills[i]);
                requiredSkills[i] = requiredSkills[i].intern();
            }
            this.distressed = needs.distressed();
            this.skill = skillName(needs);
            this.skillIndex = Arrays.asList(requiredSkills).indexOf(skill);
            this.register = needs.register() == null ? null : needs.register().toLowerCase(java.util.Locale.ROOT);
            this.emotionStrength = needs.emotion() != Emotion.NEUTRAL && needs.emotion() != Emotion.POSITIVE
                    ? strengthFor(needs.emotion())
                    : null;
            this.registerSlot = register == null ? -1 : Candidate.slot(register);
            this.emotionSlot = emotionStrength == null ? -1 : Candidate.slot(emotionStrength);
            this.declined = request.declinedBy().toArray(String[]::new);
            this.unneeded = request.strategy() == Strategy.PREDICTIVE
                    ? request.scarcity().forContact(needs, skill)
                    : Scarcity.Unneeded.NOTHING;
        }

        int exclusion(Candidate candidate) {
            fluency = 0;
            if (language != null) {
                int spoken = candidate.fluency(language);
                if (spoken < 0) {
                    return LANGUAGE;
                }
                fluency = spoken;
            }
            level = -1;
            for (int i = 0; i < requiredSkills.length; i++) {
                int held = candidate.level(requiredSkills[i]);
                if (i == skillIndex) {
                    level = held;
                }
                if (held < minimumLevels[i]) {
                    return SKILL;
                }
            }
            for (int i = 0; i < declined.length; i++) {
                if (candidate.is(declined[i])) {
                    return DECLINED;
                }
            }
            if (!guard.allows(candidate.streak(), distressed, request.now())) {
                return COOLING_DOWN;
            }
            return KEPT;
        }

        String reason(int why, Candidate candidate) {
            return switch (why) {
                case DECLINED -> "already turned this contact down";
                case LANGUAGE -> "does not speak " + language;
                case SKILL -> {
                    for (int i = 0; i < requiredSkills.length; i++) {
                        int level = candidate.skills().getOrDefault(requiredSkills[i], 0);
                        if (level < minimumLevels[i]) {
                            yield requiredSkills[i] + " " + level + "/5, the queue needs " + minimumLevels[i];
                        }
                    }
                    yield "skills";
                }
                default -> "cooling down after " + guard.maxInARow() + " distressed contacts in a row";
            };
        }
    }

    private double score(Request request, Plan plan, Candidate candidate, double cutoff) {
        return switch (request.strategy()) {
            case PREDICTIVE -> predictive(plan, candidate, request.now(), null, cutoff);
            case LONGEST_IDLE -> idleMillis(candidate, request.now());
            case ROUND_ROBIN -> afterCursor(candidate, request.roundRobinAfter()) ? 1 : 0;
            case SKILLS_ONLY -> proficiency(request.needs(), candidate) + idleShare(candidate, request.now()) / 100;
        };
    }

    private ScoredCandidate explain(Request request, Plan plan, Entry entry) {
        Candidate candidate = entry.candidate();
        plan.exclusion(candidate);
        ContactNeeds needs = request.needs();
        String idle = "idle for " + idleMillis(candidate, request.now()) / 1000 + " s";
        List<Factor> factors = switch (request.strategy()) {
            case PREDICTIVE -> {
                List<Factor> all = new ArrayList<>();
                predictive(plan, candidate, request.now(), all, Double.NEGATIVE_INFINITY);
                yield all;
            }
            case LONGEST_IDLE -> List.of(new Factor("idle", entry.score(), idle));
            case ROUND_ROBIN ->
                List.of(new Factor(
                        "turn",
                        entry.score(),
                        afterCursor(candidate, request.roundRobinAfter())
                                ? "next in turn after " + request.roundRobinAfter()
                                : "turn wraps around to the start"));
            case SKILLS_ONLY -> {
                int level = proficiency(needs, candidate);
                yield List.of(
                        new Factor("skill", level, skillName(needs) + " proficiency " + level + "/5"),
                        new Factor("idle", entry.score() - level, idle));
            }
        };
        return new ScoredCandidate(candidate, Math.round(entry.score() * 10_000) / 10_000.0, List.copyOf(factors));
    }

    /**
     * The predicted fit; with {@code factors} non-null, also says what each factor gave. Without factors, a fit
     * that cannot reach {@code cutoff} (the worst of the best kept so far) may come back short of its true value.
     */
    private double predictive(Plan plan, Candidate candidate, long now, List<Factor> factors, double cutoff) {
        ContactNeeds needs = plan.request.needs();
        double total = 0;
        int level = plan.level >= 0 ? plan.level : proficiency(needs, candidate);
        String skill = plan.skill;
        if (skill != null) {
            double value = weights.skill() * level / 5.0;
            total += value;
            if (factors != null) {
                add(factors, "skill", value, skill + " proficiency " + level + "/5");
            }
        }
        if (needs.language() != null) {
            int fluency = plan.fluency;
            double value = weights.fluency() * fluency / 5.0;
            total += value;
            if (factors != null) {
                add(factors, "language", value, "speaks " + needs.language() + " (fluency " + fluency + "/5)");
            }
        }
        if (plan.register != null) {
            String register = plan.register;
            double rating = candidate.strength(plan.registerSlot, register);
            double value = weights.register() * rating;
            total += value;
            if (factors != null) {
                add(factors, "register", value, register + " register rated " + rating);
            }
        }
        if (plan.emotionStrength != null) {
            String strength = plan.emotionStrength;
            double rating = candidate.strength(plan.emotionSlot, strength);
            double value = weights.emotion() * needs.emotionIntensity() * rating;
            total += value;
            if (factors != null) {
                add(
                        factors,
                        "emotion",
                        value,
                        needs.emotion() + " (" + needs.emotionIntensity() + ") × " + strength + " " + rating);
            }
        }
        if (needs.lastResolvedBy() != null && candidate.is(needs.lastResolvedBy())) {
            total += weights.affinity();
            if (factors != null) {
                add(factors, "affinity", weights.affinity(), "resolved this customer's last contact");
            }
        } else if (factors != null && needs.lastAgent() != null && candidate.is(needs.lastAgent())) {
            add(factors, "affinity", 0, "spoke with them last time without resolving it: no preference");
        }
        double idle = weights.idle() * idleShare(candidate, now);
        total += idle;
        if (factors != null) {
            add(factors, "idle", idle, "idle for " + idleMillis(candidate, now) / 1000 + " s");
        }
        if (candidate.occupancy() > 0) {
            double value = -weights.occupancy() * candidate.occupancy();
            total += value;
            if (factors != null) {
                add(factors, "occupancy", value, Math.round(candidate.occupancy() * 100) + "% of capacity in use");
            }
        }
        double estimate = candidate.estimate();
        double learned = weights.learned() * (estimate - 0.5 - weights.opportunity() * candidate.edge());
        // Scarcity only takes away: a candidate already short of the cut without it is not asked what they hold.
        if (factors == null && total + learned < cutoff) {
            return total + learned;
        }
        if (weights.scarcity() > 0 && !plan.unneeded.isEmpty()) {
            double spared = plan.unneeded.heldBy(candidate);
            if (spared > 0) {
                double value = -weights.scarcity() * spared;
                total += value;
                if (factors != null) {
                    add(factors, "scarcity", value, rareHeld(plan.request.scarcity(), candidate, needs, skill));
                }
            }
        }
        total += learned;
        if (factors != null) {
            add(
                    factors,
                    "learned",
                    learned,
                    candidate.outcomeEstimate() == null
                            ? "no outcome history yet: neutral prior"
                            : "expected resolution " + Math.round(estimate * 100) + "%" + edge(candidate));
        }
        return total;
    }

    /** What the agent's general edge took off or added, when it weighed at least half a point of estimate. */
    private String edge(Candidate candidate) {
        double taken = weights.opportunity() * candidate.edge();
        if (Math.abs(taken) < 0.005) {
            return "";
        }
        long points = Math.round(candidate.edge() * 100);
        return taken > 0
                ? ", " + points + " points above an average agent in general: kept in part for contacts where they"
                        + " make more difference"
                : ", " + -points + " points below an average agent in general: counts less here";
    }

    /** The rarest things the agent holds that this contact does not need, e.g. "also speaks es, has fraud". */
    private static String rareHeld(Scarcity scarcity, Candidate candidate, ContactNeeds needs, String skill) {
        List<String> rare = new ArrayList<>();
        candidate.languages().keySet().stream()
                .filter(l -> !l.equals(needs.language()) && scarcity.language(l) >= 0.5)
                .sorted()
                .forEach(l -> rare.add("speaks " + l));
        candidate.skills().keySet().stream()
                .filter(s -> !s.equals(skill) && !needs.requiredSkills().containsKey(s) && scarcity.skill(s) >= 0.5)
                .sorted()
                .forEach(s -> rare.add("has " + s));
        return rare.isEmpty()
                ? "holds skills or languages others lack"
                : "spared for what few others can take: " + String.join(", ", rare);
    }

    /** Anger and dissatisfaction want de-escalation; fear and shame want empathy. */
    static String strengthFor(Emotion emotion) {
        return emotion == Emotion.ANGER || emotion == Emotion.DISSATISFACTION ? "deescalation" : "empathy";
    }

    private static void add(List<Factor> factors, String name, double value, String detail) {
        factors.add(new Factor(name, Math.round(value * 10_000) / 10_000.0, detail));
    }

    private static String skillName(ContactNeeds needs) {
        if (needs.intent() != null
                && (needs.requiredSkills().isEmpty() || needs.requiredSkills().containsKey(needs.intent()))) {
            return needs.intent();
        }
        return needs.requiredSkills().isEmpty()
                ? null
                : needs.requiredSkills().keySet().stream().sorted().findFirst().orElseThrow();
    }

    /** The level that matters: the intent's skill, else the weakest of the skills the queue requires. */
    private static int proficiency(ContactNeeds needs, Candidate candidate) {
        if (needs.intent() != null
                && (needs.requiredSkills().isEmpty() || needs.requiredSkills().containsKey(needs.intent()))) {
            return candidate.level(needs.intent());
        }
        int weakest = needs.requiredSkills().isEmpty() ? 0 : 5;
        for (String skill : needs.requiredSkills().keySet()) {
            weakest = Math.min(weakest, candidate.level(skill));
        }
        return weakest;
    }

    private static long idleMillis(Candidate candidate, long now) {
        return candidate.idleSince() > 0 ? Math.max(0, now - candidate.idleSince()) : 0;
    }

    private double idleShare(Candidate candidate, long now) {
        return Math.min(1.0, idleMillis(candidate, now) / (double) weights.idleSaturationMillis());
    }

    private static boolean afterCursor(Candidate candidate, String cursor) {
        return cursor == null || candidate.agentId().compareTo(cursor) > 0;
    }

    private record Entry(Candidate candidate, double score) {}
}
