package dev.alicia.sim;

import dev.alicia.router.domain.Strategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's honesty check: in Erlang C's world (one queue, first come first served, identical agents,
 * Poisson arrivals, exponential handle times, nobody abandons) what it measures must be what the formula says.
 */
class ErlangCheckTest {

    private static final int AGENTS = 20;
    private static final double HANDLE = 300;
    // A million contacts per load keeps the sampling error of the mean wait near 2% even at 90% occupancy.

    @ParameterizedTest(name = "at occupancy {0}")
    @ValueSource(doubles = {0.7, 0.8, 0.9})
    void the_simulated_speed_of_answer_and_service_level_match_erlang_c_within_ten_percent(double rho) {
        ErlangC formula = ErlangC.atOccupancy(AGENTS, rho, HANDLE);

        RunResult run = Simulation.run(
                Scenario.erlang(AGENTS, rho, 1_000_000, HANDLE), 42, Policy.baseline(Strategy.LONGEST_IDLE));
        RunResult.Metrics measured = run.all();

        assertThat(measured.answered()).isEqualTo(1_000_000);
        assertThat(measured.averageSpeedOfAnswer())
                .isCloseTo(formula.averageSpeedOfAnswer(), org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(measured.serviceLevel())
                .isCloseTo(
                        formula.serviceLevel(Simulation.SERVICE_LEVEL_SECONDS),
                        org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(run.meanOccupancy()).isCloseTo(rho, org.assertj.core.data.Offset.offset(0.02));
    }
}
