package dev.alicia.router.domain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a queue does as a contact keeps waiting (Genesys bullseye, Connect routing steps): after a while, accept
 * agents with lower skill levels, or agents of an overflow queue's skills, and at last offer a callback. Steps
 * apply in order of their delay, each once.
 */
public record Widening(List<Step> steps) {

    public static final Widening NONE = new Widening(List.of());

    public enum Action {
        /** Required skill levels drop to {@code minimumLevel}. */
        RELAX_SKILLS,
        /** The skills required by {@code overflowQueue}'s rule are accepted as well. */
        OVERFLOW,
        /** The customer is offered to be called back instead of waiting on. */
        OFFER_CALLBACK
    }

    public record Step(long afterMillis, Action action, int minimumLevel, String overflowQueue) {}

    public Widening {
        steps = steps.stream()
                .sorted(Comparator.comparingLong(Step::afterMillis))
                .toList();
    }

    /** The steps that are due after waiting {@code waitedMillis}, beyond the {@code applied} first ones. */
    public List<Step> due(long waitedMillis, int applied) {
        return steps.stream()
                .skip(applied)
                .takeWhile(step -> step.afterMillis() <= waitedMillis)
                .toList();
    }

    /** When the next step is due, relative to queueing; -1 when none is left. */
    public long nextAfter(int applied) {
        return applied < steps.size() ? steps.get(applied).afterMillis() : -1;
    }

    /** The required skills after {@code steps} widened them; an overflow accepts the overflow queue's agents too. */
    public static Map<String, Integer> apply(
            Map<String, Integer> required, List<Step> steps, Function<String, Map<String, Integer>> overflowSkills) {
        Map<String, Integer> skills = new HashMap<>(required);
        for (Step step : steps) {
            if (step.action() == Action.RELAX_SKILLS) {
                skills.replaceAll((skill, level) -> Math.min(level, step.minimumLevel()));
            } else if (step.action() == Action.OVERFLOW) {
                // An agent qualifies with either queue's skills: keep only what both queues ask for.
                Map<String, Integer> other = overflowSkills.apply(step.overflowQueue());
                skills.keySet().retainAll(other.keySet());
                skills.replaceAll((skill, level) -> Math.min(level, other.get(skill)));
            }
        }
        return Map.copyOf(skills);
    }
}
