package dev.alicia.router.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * How rare each language and skill is on the floor (the agents logged in): 0 for what everyone has, towards 1
 * for what few have. Giving a contact to the agent who holds the fewest rare things it does not need keeps the
 * French speakers and the fraud experts free for the contacts only they can take, so those do not wait behind
 * contacts anybody could have answered.
 */
public final class Scarcity {

    /** Nothing known about the floor: every agent is as precious as any other. */
    public static final Scarcity NONE = new Scarcity(Map.of(), Map.of());

    private final Map<String, Double> languages;
    private final Map<String, Double> skills;
    private final double total;

    private Scarcity(Map<String, Double> languages, Map<String, Double> skills) {
        this.languages = Map.copyOf(languages);
        this.skills = Map.copyOf(skills);
        this.total = sum(this.languages) + sum(this.skills);
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public double language(String language) {
        return languages.getOrDefault(language, 0.0);
    }

    public double skill(String skill) {
        return skills.getOrDefault(skill, 0.0);
    }

    /**
     * How much rare capability this agent would take off the floor beyond what the contact needs, in [0, 1]: the
     * scarcity of each language and skill they hold that the contact does not ask for, over all there is.
     */
    public double unneededHeldBy(Candidate candidate, ContactNeeds needs, String neededSkill) {
        if (total == 0) {
            return 0;
        }
        double held = 0;
        for (String language : candidate.languages().keySet()) {
            if (!language.equals(needs.language())) {
                held += languages.getOrDefault(language, 0.0);
            }
        }
        for (Map.Entry<String, Integer> skill : candidate.skills().entrySet()) {
            if (skill.getValue() > 0
                    && !skill.getKey().equals(neededSkill)
                    && !needs.requiredSkills().containsKey(skill.getKey())) {
                held += skills.getOrDefault(skill.getKey(), 0.0);
            }
        }
        return held / total;
    }

    /** Counts the floor agent by agent. */
    public static Builder census() {
        return new Builder();
    }

    /** A floor counted agent by agent. */
    public static final class Builder {

        private final Map<String, Integer> languages = new HashMap<>();
        private final Map<String, Integer> skills = new HashMap<>();
        private int agents;

        public Builder add(Map<String, Integer> agentLanguages, Map<String, Integer> agentSkills) {
            agents++;
            agentLanguages.keySet().forEach(l -> languages.merge(l, 1, Integer::sum));
            agentSkills.forEach((s, level) -> {
                if (level > 0) {
                    skills.merge(s, 1, Integer::sum);
                }
            });
            return this;
        }

        public Scarcity build() {
            if (agents == 0) {
                return NONE;
            }
            return new Scarcity(rarity(languages, agents), rarity(skills, agents));
        }

        private static Map<String, Double> rarity(Map<String, Integer> holders, int agents) {
            Map<String, Double> rarity = new HashMap<>();
            holders.forEach((name, count) -> rarity.put(name, 1.0 - count / (double) agents));
            return rarity;
        }
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
