package dev.alicia.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The agents of a run, drawn from its seed: languages, skills and strengths as their profile shows them, and
 * what they truly achieve. The profile correlates with the truth by the scenario's profile signal: skill levels
 * with ability and specialty, empathy and de-escalation ratings with the emotional skill; the register ratings
 * are noise, as the truth does not depend on register.
 */
final class Population {

    private Population() {}

    static List<SimAgent> generate(Scenario scenario, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Scenario.Heterogeneity h = scenario.heterogeneity();
        String main = scenario.mainLanguage();
        List<String> others = new ArrayList<>(scenario.agentLanguages().keySet());
        others.sort(null);
        double truthSd = Math.sqrt(h.ability() * h.ability() + h.specialty() * h.specialty());
        double signal = h.profileSignal();
        double noise = Math.sqrt(1 - signal * signal);
        List<SimAgent> agents = new ArrayList<>();
        for (int i = 0; i < scenario.agents(); i++) {
            Map<String, Integer> languages = new HashMap<>();
            double f = random.nextDouble();
            languages.put(main, f < 0.7 ? 5 : f < 0.9 ? 4 : 3);
            for (String language : others) {
                boolean speaks = random.nextDouble() < scenario.agentLanguages().get(language);
                int fluency = 3 + random.nextInt(3);
                if (speaks) {
                    languages.put(language, fluency);
                }
            }
            double ability = h.ability() * random.nextGaussian();
            double emotionSkill = h.emotion() * random.nextGaussian();
            double warmth = h.warmth() * random.nextGaussian();
            double speed = Math.exp(h.speed() * random.nextGaussian() - h.speed() * h.speed() / 2);
            Map<String, Double> specialty = new HashMap<>();
            Map<String, Integer> skills = new HashMap<>();
            for (Scenario.Intent intent : scenario.intents()) {
                double own = h.specialty() * random.nextGaussian();
                specialty.put(intent.name(), own);
                boolean held = random.nextDouble() < intent.skilledShare();
                double z = truthSd > 0 ? (ability + own) / truthSd : 0;
                int level = (int) Math.round(3 + 1.1 * (signal * z + noise * random.nextGaussian()));
                if (held) {
                    skills.put(intent.name(), Math.max(1, Math.min(5, level)));
                }
            }
            double zEmotion = h.emotion() > 0 ? emotionSkill / h.emotion() : 0;
            Map<String, Double> strengths = Map.of(
                    "empathy", rating(signal * zEmotion + noise * random.nextGaussian()),
                    "deescalation", rating(signal * zEmotion + noise * random.nextGaussian()),
                    "formal", round2(0.3 + 0.6 * random.nextDouble()),
                    "informal", round2(0.3 + 0.6 * random.nextDouble()));
            agents.add(new SimAgent(
                    i, languages, skills, strengths, ability, specialty, emotionSkill, warmth, speed, h.fluency()));
        }
        return cover(scenario, agents, random);
    }

    /** Every language has at least two agents for every intent, so no customer waits for nobody. */
    private static List<SimAgent> cover(Scenario scenario, List<SimAgent> agents, SplittableRandom random) {
        List<String> languages = new ArrayList<>(scenario.languages().keySet());
        languages.sort(null);
        List<SimAgent> covered = new ArrayList<>(agents);
        for (String language : languages) {
            for (Scenario.Intent intent : scenario.intents()) {
                List<Integer> speakers = new ArrayList<>();
                int skilled = 0;
                for (SimAgent agent : covered) {
                    if (agent.languages.containsKey(language)) {
                        if (agent.skills.containsKey(intent.name())) {
                            skilled++;
                        } else {
                            speakers.add(agent.index);
                        }
                    }
                }
                while (skilled < 2 && !speakers.isEmpty()) {
                    int index = speakers.remove(random.nextInt(speakers.size()));
                    SimAgent agent = covered.get(index);
                    Map<String, Integer> skills = new HashMap<>(agent.skills);
                    skills.put(intent.name(), 2 + random.nextInt(2));
                    covered.set(
                            index,
                            new SimAgent(
                                    agent.index,
                                    agent.languages,
                                    skills,
                                    agent.strengths,
                                    agent.ability,
                                    agent.specialty,
                                    agent.emotionSkill,
                                    agent.warmth,
                                    agent.speed,
                                    agent.fluencyEffect));
                    skilled++;
                }
            }
        }
        return covered;
    }

    private static double rating(double z) {
        return round2(1 / (1 + Math.exp(-1.2 * z)));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
