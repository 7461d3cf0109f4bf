package dev.alicia.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ErlangCTest {

    @Test
    void one_agent_makes_a_contact_wait_as_often_as_the_agent_is_busy() {
        assertThat(ErlangC.atOccupancy(1, 0.5, 300).waitProbability()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void two_agents_match_the_closed_form_of_m_m_2() {
        double rho = 0.5;

        assertThat(ErlangC.atOccupancy(2, rho, 300).waitProbability())
                .isCloseTo(2 * rho * rho / (1 + rho), within(1e-12));
    }

    @Test
    void ten_agents_and_eight_erlangs_give_the_textbook_figures() {
        // 10 agents, 8 erlangs, 3-minute calls: P(wait) 0.4092, ASA 36.8 s, 67.2% answered within 20 s.
        ErlangC queue = new ErlangC(10, 8 / 180.0, 180);

        assertThat(queue.waitProbability()).isCloseTo(0.40918, within(1e-5));
        assertThat(queue.averageSpeedOfAnswer()).isCloseTo(36.826, within(1e-3));
        assertThat(queue.serviceLevel(20)).isCloseTo(0.67235, within(1e-5));
    }

    @Test
    void the_recursion_stays_finite_where_the_textbook_sums_would_overflow() {
        ErlangC big = ErlangC.atOccupancy(2_000, 0.95, 300);

        assertThat(big.waitProbability()).isBetween(0.0, 1.0);
        assertThat(big.averageSpeedOfAnswer()).isPositive().isFinite();
    }
}
