package dev.alicia.router.domain;

import java.util.List;

import dev.alicia.router.domain.AgentFirstChoice.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentFirstChoiceTest {

    private static final long WINDOW = 20_000;
    private final AgentFirstChoice choice = new AgentFirstChoice(WINDOW, 10);
    private final QueueOrder order = new QueueOrder(30_000);
    private static final long NOW = 1_000_000;

    private Option waiting(int priority, long since, double advantage) {
        return new Option(priority, order.rank(priority, since), NOW - since, advantage);
    }

    @Test
    void a_freed_agent_takes_the_waiting_contact_they_are_expected_to_do_best_with_compared_with_an_average_agent() {
        List<Option> waiting =
                List.of(waiting(0, NOW - 8_000, 0.01), waiting(0, NOW - 5_000, 0.12), waiting(0, NOW - 1_000, 0.04));

        assertThat(choice.choose(waiting)).isEqualTo(1);
    }

    @Test
    void the_first_contact_is_taken_in_its_turn_once_it_has_waited_the_window() {
        List<Option> waiting = List.of(waiting(0, NOW - WINDOW, 0.01), waiting(0, NOW - 5_000, 0.30));

        assertThat(choice.choose(waiting)).isZero();
    }

    @Test
    void never_passes_an_urgent_contact_for_a_calmer_one_the_agent_would_do_better_with() {
        // The calm one has waited 15 s, the urgent one 2 s; a priority point is worth 30 s of waiting, so the urgent
        // one is first, and the calm one, although within 20 s of it in the queue's order, does not go before it.
        List<Option> waiting = List.of(waiting(1, NOW - 2_000, 0.0), waiting(0, NOW - 15_000, 0.25));

        assertThat(waiting.get(1).rank() - waiting.get(0).rank()).isLessThan(WINDOW);
        assertThat(choice.choose(waiting)).isZero();
    }

    @Test
    void keeps_queue_order_for_what_nothing_is_known_of_and_when_choosing_is_off() {
        List<Option> heldOut = List.of(waiting(0, NOW - 8_000, Double.NaN), waiting(0, NOW - 5_000, 0.2));
        List<Option> unknownLater = List.of(waiting(0, NOW - 8_000, 0.05), waiting(0, NOW - 5_000, Double.NaN));
        List<Option> known = List.of(waiting(0, NOW - 8_000, 0.0), waiting(0, NOW - 5_000, 0.2));

        List<Option> unknownBetween = List.of(
                waiting(0, NOW - 8_000, 0.0), waiting(0, NOW - 6_000, Double.NaN), waiting(0, NOW - 5_000, 0.2));

        assertThat(choice.choose(heldOut)).isZero();
        assertThat(choice.choose(unknownLater)).isZero();
        // A contact that keeps its turn (held out, another queue's, aimed at this agent) is not jumped either.
        assertThat(choice.choose(unknownBetween)).isZero();
        assertThat(AgentFirstChoice.OFF.choose(known)).isZero();
        assertThat(choice.choose(List.of())).isEqualTo(-1);
    }

    @Test
    void weighs_no_more_contacts_than_it_is_allowed_to_read() {
        AgentFirstChoice two = new AgentFirstChoice(WINDOW, 2);
        List<Option> waiting =
                List.of(waiting(0, NOW - 8_000, 0.0), waiting(0, NOW - 6_000, 0.1), waiting(0, NOW - 4_000, 0.3));

        assertThat(two.choose(waiting)).isEqualTo(1);
        assertThat(two.weighs(waiting.get(0), waiting.get(2), 2)).isFalse();
    }
}
