package dev.alicia.presence.client.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusTransitionsTest {

    @ParameterizedTest(name = "an agent may go from {0} to {1}")
    @CsvSource({
        "OFFLINE, AVAILABLE",
        "AVAILABLE, BREAK",
        "AVAILABLE, OFFLINE",
        "BREAK, AVAILABLE",
        "BREAK, OFFLINE",
        "WRAP_UP, AVAILABLE",
        "WRAP_UP, BREAK",
        "WRAP_UP, OFFLINE",
        "AVAILABLE, AVAILABLE"
    })
    void legal_transitions_chosen_on_the_desktop(AgentStatus from, AgentStatus to) {
        LiveAgent agent = Agents.inStatus(from).choose(to, "lunch", 42);

        assertThat(agent.status()).isEqualTo(to);
    }

    @ParameterizedTest(name = "an agent may not choose {1} from {0}")
    @CsvSource({"OFFLINE, BREAK", "AVAILABLE, BUSY", "AVAILABLE, WRAP_UP", "OFFLINE, BUSY", "BREAK, WRAP_UP"})
    void illegal_transitions_chosen_on_the_desktop(AgentStatus from, AgentStatus to) {
        assertThatThrownBy(() -> Agents.inStatus(from).choose(to, "lunch", 42))
                .isInstanceOf(PresenceRuleViolation.class);
    }

    @Test
    void a_busy_agent_cannot_leave_before_their_contacts_end() {
        LiveAgent busy = Agents.omnichannel().reserve("call-1", Channel.VOICE, 0);

        for (AgentStatus status : new AgentStatus[] {AgentStatus.OFFLINE, AgentStatus.BREAK, AgentStatus.AVAILABLE}) {
            assertThatThrownBy(() -> busy.choose(status, "lunch", 42))
                    .isInstanceOf(PresenceRuleViolation.class)
                    .hasMessageContaining("still holds 1 contact");
        }
    }

    @Test
    void a_break_needs_a_reason_and_keeps_it() {
        assertThatThrownBy(() -> Agents.omnichannel().choose(AgentStatus.BREAK, " ", 42))
                .isInstanceOf(PresenceRuleViolation.class);
        assertThat(Agents.omnichannel()
                        .choose(AgentStatus.BREAK, "training", 42)
                        .breakReason())
                .isEqualTo("training");
    }

    @Test
    void becoming_available_starts_the_idle_clock() {
        assertThat(Agents.inStatus(AgentStatus.OFFLINE)
                        .choose(AgentStatus.AVAILABLE, null, 42)
                        .idleSince())
                .isEqualTo(42);
    }

    @Test
    void the_end_of_the_last_contact_starts_wrap_up_and_its_end_makes_the_agent_available() {
        LiveAgent busy = Agents.omnichannel().reserve("c-1", Channel.CHAT, 0).reserve("c-2", Channel.CHAT, 0);

        LiveAgent oneLeft = busy.end("c-1");
        assertThat(oneLeft.status()).isEqualTo(AgentStatus.BUSY);
        LiveAgent wrapping = oneLeft.end("c-2");
        assertThat(wrapping.status()).isEqualTo(AgentStatus.WRAP_UP);
        assertThat(wrapping.routableChannels()).isEmpty();
        LiveAgent back = wrapping.wrapUpOver(99);
        assertThat(back.status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(back.idleSince()).isEqualTo(99);
    }

    @Test
    void a_released_offer_frees_the_agent_without_wrap_up() {
        LiveAgent released =
                Agents.omnichannel().reserve("c-1", Channel.VOICE, 10).release("c-1", 50);

        assertThat(released.status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(released.canTake(Channel.VOICE)).isTrue();
    }

    @Test
    void an_expired_reservation_is_released_and_an_accepted_contact_is_not() {
        LiveAgent agent = Agents.omnichannel()
                .reserve("offered", Channel.CHAT, 100)
                .reserve("accepted", Channel.CHAT, 100)
                .accept("accepted");

        LiveAgent later = agent.releaseExpired(101);

        assertThat(later.load().contacts()).extracting(ActiveContact::contactId).containsExactly("accepted");
    }

    @Test
    void an_assignment_the_agent_held_no_reservation_for_still_counts() {
        LiveAgent agent = Agents.omnichannel().assigned("c-1", Channel.EMAIL);

        assertThat(agent.status()).isEqualTo(AgentStatus.BUSY);
        assertThat(agent.load().count(Channel.EMAIL)).isEqualTo(1);
    }
}
