package dev.alicia.sim;

import dev.alicia.router.domain.Strategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where every agent is equally good, learning has nothing to find: it must not cost the customers anything. */
class EqualAgentsTest {

    private static final Scenario EQUAL = Scenario.equalAgents().withContacts(30_000);

    @Test
    void predictive_does_no_harm_when_all_agents_are_equally_good() {
        double fcrDifference = 0;
        double asaLearning = 0;
        double asaProfile = 0;
        double asaIdle = 0;
        for (long seed = 1; seed <= 3; seed++) {
            RunResult idle = Simulation.run(EQUAL, seed, Policy.baseline(Strategy.LONGEST_IDLE));
            RunResult profile = Simulation.run(EQUAL, seed, Policy.profileOnly());
            RunResult learning = Simulation.run(EQUAL, seed, Policy.learning(5));
            fcrDifference +=
                    learning.all().firstContactResolution() - idle.all().firstContactResolution();
            asaLearning += learning.all().averageSpeedOfAnswer();
            asaProfile += profile.all().averageSpeedOfAnswer();
            asaIdle += idle.all().averageSpeedOfAnswer();
        }

        assertThat(fcrDifference / 3).isGreaterThan(-0.003);
        // PREDICTIVE, on the profile alone or learning, answers no slower than longest idle: sparing the agents who
        // hold rare languages and
        // skills keeps them free for the contacts only they can take.
        assertThat(asaProfile).isLessThanOrEqualTo(asaIdle);
        assertThat(asaLearning).isLessThanOrEqualTo(asaIdle);
    }
}
