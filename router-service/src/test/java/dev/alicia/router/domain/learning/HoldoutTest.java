package dev.alicia.router.domain.learning;

import java.util.UUID;

import dev.alicia.router.domain.Strategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoldoutTest {

    @Test
    void holds_out_the_configured_share_of_contacts_within_half_a_point() {
        Holdout holdout = new Holdout(0.1, Strategy.LONGEST_IDLE, "2025-q3");
        int sequential = 0;
        int random = 0;
        for (int i = 0; i < 100_000; i++) {
            sequential += holdout.arm("contact-" + i) == Arm.BASELINE ? 1 : 0;
            random += holdout.arm(UUID.nameUUIDFromBytes(("c" + i).getBytes()).toString()) == Arm.BASELINE ? 1 : 0;
        }

        assertThat(sequential / 100_000.0).isBetween(0.095, 0.105);
        assertThat(random / 100_000.0).isBetween(0.095, 0.105);
    }

    @Test
    void a_contact_stays_on_its_side_whichever_router_instance_asks_and_however_often() {
        Holdout one = new Holdout(0.2, Strategy.LONGEST_IDLE, "exp-1");
        Holdout another = new Holdout(0.2, Strategy.LONGEST_IDLE, "exp-1");

        for (int i = 0; i < 1_000; i++) {
            assertThat(another.arm("contact-" + i)).isEqualTo(one.arm("contact-" + i));
        }
    }

    @Test
    void a_new_salt_draws_a_fresh_split() {
        Holdout first = new Holdout(0.5, Strategy.LONGEST_IDLE, "exp-1");
        Holdout second = new Holdout(0.5, Strategy.LONGEST_IDLE, "exp-2");
        int same = 0;
        for (int i = 0; i < 10_000; i++) {
            same += first.arm("contact-" + i) == second.arm("contact-" + i) ? 1 : 0;
        }

        assertThat(same / 10_000.0).isBetween(0.47, 0.53);
    }

    @Test
    void held_out_contacts_of_predictive_queues_get_the_baseline_and_other_queues_keep_theirs() {
        Holdout holdout = new Holdout(0.1, Strategy.LONGEST_IDLE, "");

        assertThat(holdout.strategyFor(Arm.BASELINE, Strategy.PREDICTIVE)).isEqualTo(Strategy.LONGEST_IDLE);
        assertThat(holdout.strategyFor(Arm.PREDICTIVE, Strategy.PREDICTIVE)).isEqualTo(Strategy.PREDICTIVE);
        assertThat(holdout.strategyFor(Arm.BASELINE, Strategy.ROUND_ROBIN)).isEqualTo(Strategy.ROUND_ROBIN);
    }

    @Test
    void no_holdout_means_every_contact_is_predictive_and_a_full_one_means_none() {
        Holdout all = new Holdout(1, Strategy.SKILLS_ONLY, "");
        for (int i = 0; i < 1_000; i++) {
            assertThat(Holdout.NONE.arm("c" + i)).isEqualTo(Arm.PREDICTIVE);
            assertThat(all.arm("c" + i)).isEqualTo(Arm.BASELINE);
        }
        assertThatThrownBy(() -> new Holdout(0.1, Strategy.PREDICTIVE, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
