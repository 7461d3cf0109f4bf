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
        this.languages = interned(languages);
        this.skills = interned(skills);
        this.total = sum(this.languages) + sum(this.skills);
    }

    public double language(String language) {
        return languages.getOrDefault(language, 0.0);
    }

    public double skill(String skill) {
        return skills.getOrDefault(skill, 0.0);
    }

    /**
     * What one contact does not need, worked out once for all the candidates: the rare languages and skills left
     * once the contact's own are taken out (what nearly everyone holds is left out too: it weighs nothing).
     */
    public Unneeded forContact(ContactNeeds needs, String neededSkill) {
        if (total == 0) {
            return Unneeded.NOTHING;
        }
        Map<String, Double> rareLanguages = new HashMap<>();
        languages.forEach((language, rarity) -> {
            if (rarity >= NEGLIGIBLE && !language.equals(needs.language())) {
                rareLanguages.put(language, rarity);
            }
        });
        Map<String, Double> rareSkills = new HashMap<>();
        skills.forEach((skill, rarity) -> {
            if (rarity >= NEGLIGIBLE
                    && !skill.equals(neededSkill)
                    && !needs.requiredSkills().containsKey(skill)) {
                rareSkills.put(skill, rarity);
            }
        });
        return new Unneeded(rareLanguages, rareSkills, total);
    }

    /** Rarer than this is counted; commoner weighs too little to change a ranking. */
    private static final double NEGLIGIBLE = 0.02;

    /**
     * The rare languages and skills a contact does not need, as arrays: scoring asks each candidate whether they
     * hold each one (a probe of their maps, nothing allocated), which stays cheap over tens of thousands.
     */
    public static final class Unneeded {

        static final Unneeded NOTHING = new Unneeded(Map.of(), Map.of(), 0);

        private final String[] languageNames;
        private final double[] languageRarity;
        private final String[] skillNames;
        private final double[] skillRarity;
        private final double total;

        private Unneeded(Map<String, Double> languages, Map<String, Double> skills, double total) {
            this.languageNames = languages.keySet().toArray(String[]::new);
            this.languageRarity = new double[languageNames.length];
            for (int i = 0; i < languageNames.length; i++) {
                languageRarity[i] = languages.get(languageNames[i]);
            }
            this.skillNames = skills.keySet().toArray(String[]::new);
            this.skillRarity = new double[skillNames.length];
            for (int i = 0; i < skillNames.length; i++) {
                skillRarity[i] = skills.get(skillNames[i]);
            }
            this.total = total;
        }

        public boolean isEmpty() {
            return languageNames.length == 0 && skillNames.length == 0;
        }

        /** In [0, 1]: the share of the floor's rarity this candidate holds without the contact needing it. */
        public double heldBy(Candidate candidate) {
            if (total == 0) {
                return 0;
            }
            double held = 0;
            for (int i = 0; i < languageNames.length; i++) {
                if (candidate.fluency(languageNames[i]) >= 0) {
                    held += languageRarity[i];
                }
            }
            for (int i = 0; i < skillNames.length; i++) {
                if (candidate.level(skillNames[i]) > 0) {
                    held += skillRarity[i];
                }
            }
            return held / total;
        }
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

    /** Once per census: a candidate matches interned names by reference (see {@link Candidate}). */
    private static Map<String, Double> interned(Map<String, Double> rarity) {
        Map<String, Double> interned = new HashMap<>();
        rarity.forEach((name, value) -> interned.put(name.intern(), value));
        return Map.copyOf(interned);
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
