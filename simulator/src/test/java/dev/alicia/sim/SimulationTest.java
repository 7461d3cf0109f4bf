package dev.alicia.sim;

import java.util.Arrays;

import dev.alicia.router.domain.BetterMatchHold;
import dev.alicia.router.domain.Strategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationTest {

    private static final Scenario SMALL = Scenario.heterogeneous().withContacts(20_000);

    @Test
    void the_same_seed_replays_the_same_run() {
        RunResult once = Simulation.run(SMALL, 5, Policy.learning(5));
        RunResult again = Simulation.run(SMALL, 5, Policy.learning(5));

        assertThat(again.all()).isEqualTo(once.all());
        assertThat(again.occupancy()).isEqualTo(once.occupancy());
    }

    @Test
    void every_strategy_meets_the_same_customers() {
        RunResult idle = Simulation.run(SMALL, 5, Policy.baseline(Strategy.LONGEST_IDLE));
        RunResult skills = Simulation.run(SMALL, 5, Policy.baseline(Strategy.SKILLS_ONLY));

        for (int block = 0; block < Simulation.BLOCKS; block++) {
            assertThat(skills.window(block, block + 1, null).arrivals())
                    .isEqualTo(idle.window(block, block + 1, null).arrivals());
        }
        assertThat(idle.all().arrivals()).isEqualTo(20_000);
    }

    @Test
    void every_contact_is_answered_or_abandoned_and_unresolved_ones_are_partly_transferred() {
        RunResult.Metrics run =
                Simulation.run(SMALL, 6, Policy.baseline(Strategy.ROUND_ROBIN)).all();

        assertThat(run.answered() + Math.round(run.abandonment() * run.arrivals()))
                .isEqualTo(run.arrivals());
        assertThat(run.abandonment()).isBetween(0.001, 0.2);
        // 40% of unresolved first contacts are transferred.
        assertThat(run.transfers() / (1 - run.firstContactResolution())).isBetween(0.35, 0.45);
        assertThat(run.satisfaction()).isBetween(1.0, 5.0);
    }

    @Test
    void holding_contacts_for_clearly_better_agents_resolves_more_and_answers_later() {
        Policy truth = Policy.oracle(Policy.learning(10).weights());
        RunResult now = Simulation.run(SMALL, 8, truth);
        RunResult held = Simulation.run(SMALL, 8, truth.withHold(new BetterMatchHold(10_000, 0.1)));

        assertThat(held.window(4, 20, null).firstContactResolution())
                .isGreaterThan(now.window(4, 20, null).firstContactResolution());
        assertThat(held.window(4, 20, null).averageSpeedOfAnswer())
                .isGreaterThan(now.window(4, 20, null).averageSpeedOfAnswer());
        // Nobody waits much beyond the hold for it: contacts are still answered.
        assertThat(held.all().answered()).isGreaterThan((int) (0.9 * held.all().arrivals()));
    }

    @Test
    void predictive_routing_learns_to_resolve_more_than_longest_idle_on_agents_who_differ() {
        RunResult idle = Simulation.run(SMALL, 7, Policy.baseline(Strategy.LONGEST_IDLE));
        RunResult learning = Simulation.run(SMALL, 7, Policy.learning(5));

        double late = learning.window(10, 20, null).firstContactResolution();
        double baseline = idle.window(10, 20, null).firstContactResolution();
        assertThat(late).isGreaterThan(baseline * 1.04);
        // The busiest agents are the ones it trusts most: work spreads less evenly than under longest idle.
        assertThat(learning.occupancySpread()).isGreaterThan(idle.occupancySpread());
        assertThat(Arrays.stream(learning.occupancy()).max().orElseThrow()).isLessThan(1.0);
    }
}
