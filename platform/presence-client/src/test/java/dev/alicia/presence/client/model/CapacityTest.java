package dev.alicia.presence.client.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityTest {

    @Test
    void an_agent_on_a_voice_call_is_offered_nothing_else() {
        LiveAgent onCall = Agents.omnichannel().reserve("call-1", Channel.VOICE, 0);

        assertThat(onCall.status()).isEqualTo(AgentStatus.BUSY);
        assertThat(onCall.routableChannels()).isEmpty();
        assertThatThrownBy(() -> onCall.reserve("chat-1", Channel.CHAT, 0)).isInstanceOf(PresenceRuleViolation.class);
    }

    @Test
    void a_voice_call_is_offered_only_to_an_agent_who_holds_nothing() {
        LiveAgent chatting = Agents.omnichannel().reserve("chat-1", Channel.CHAT, 0);

        assertThat(chatting.canTake(Channel.VOICE)).isFalse();
        assertThat(chatting.canTake(Channel.VIDEO)).isFalse();
        assertThat(chatting.canTake(Channel.CHAT)).isTrue();
    }

    @Test
    void up_to_three_chats_at_once_with_the_standard_profile() {
        LiveAgent agent = Agents.omnichannel()
                .reserve("c-1", Channel.CHAT, 0)
                .reserve("c-2", Channel.CHAT, 0)
                .reserve("c-3", Channel.CHAT, 0);

        assertThat(agent.canTake(Channel.CHAT)).isFalse();
        assertThat(agent.occupancy()).isEqualTo(1.0);
    }

    @Test
    void two_chats_and_one_email_fill_a_profile_of_two_chats_plus_one_email() {
        CapacityProfile twoChatsOneEmail = new CapacityProfile(Map.of(Channel.CHAT, 2, Channel.EMAIL, 1), 3);
        LiveAgent agent = Agents.available(EnumSet.of(Channel.CHAT, Channel.EMAIL), twoChatsOneEmail)
                .reserve("c-1", Channel.CHAT, 0)
                .reserve("c-2", Channel.CHAT, 0);

        assertThat(agent.routableChannels()).containsExactly(Channel.EMAIL);
        assertThat(agent.reserve("e-1", Channel.EMAIL, 0).routableChannels()).isEmpty();
    }

    @Test
    void the_total_limit_caps_a_mix_of_channels() {
        CapacityProfile totalTwo = new CapacityProfile(Map.of(Channel.CHAT, 3, Channel.EMAIL, 3), 2);
        LiveAgent agent = Agents.available(EnumSet.of(Channel.CHAT, Channel.EMAIL), totalTwo)
                .reserve("c-1", Channel.CHAT, 0)
                .reserve("e-1", Channel.EMAIL, 0);

        assertThat(agent.routableChannels()).isEmpty();
    }

    @Test
    void an_agent_is_offered_only_the_channels_they_may_serve() {
        LiveAgent chatOnly = Agents.available(Set.of(Channel.CHAT), CapacityProfile.standard());

        assertThat(chatOnly.routableChannels()).containsExactly(Channel.CHAT);
    }

    @Test
    void reserving_the_same_contact_twice_holds_it_once() {
        LiveAgent agent = Agents.omnichannel().reserve("c-1", Channel.CHAT, 5).reserve("c-1", Channel.CHAT, 5);

        assertThat(agent.load().total()).isEqualTo(1);
    }

    @Test
    void a_profile_and_a_load_survive_their_redis_encoding() {
        CapacityProfile profile = new CapacityProfile(Map.of(Channel.CHAT, 2, Channel.EMAIL, 1), 3);
        Load load = Load.NONE
                .with(new ActiveContact("c-1", Channel.CHAT, 0))
                .with(new ActiveContact("v-2", Channel.VOICE, 1_764_057_600_000L));

        assertThat(CapacityProfile.decode(profile.encode())).isEqualTo(profile);
        assertThat(Load.decode(load.encode())).isEqualTo(load);
    }
}
