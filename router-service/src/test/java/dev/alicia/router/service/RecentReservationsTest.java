package dev.alicia.router.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import dev.alicia.presence.client.model.AgentStatus;
import dev.alicia.presence.client.model.CapacityProfile;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.Load;
import dev.alicia.router.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentReservationsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static LiveAgent camille(String tenant, long version) {
        return new LiveAgent(
                tenant,
                "camille",
                "fraud",
                AgentStatus.AVAILABLE,
                null,
                Map.of("fr", 5),
                Map.of("stolen_card", 5),
                Set.of(Channel.CHAT),
                CapacityProfile.standard(),
                Map.of(),
                Load.NONE,
                0,
                version);
    }

    @Test
    void a_contact_ranked_from_an_older_read_skips_the_agent_another_contact_just_tried_to_reserve() {
        RecentReservations recent = new RecentReservations(Clock.fixed(NOW, ZoneOffset.UTC), 2_000);
        LiveAgent readByBoth = camille("bank-a", 7);
        assertThat(recent.changedSince(readByBoth)).isFalse();

        recent.attempting(readByBoth);

        assertThat(recent.changedSince(readByBoth))
                .as("the second contact's read is now stale")
                .isTrue();
        assertThat(recent.changedSince(camille("bank-a", 8)))
                .as("a read after the write")
                .isFalse();
        assertThat(recent.changedSince(camille("bank-b", 7)))
                .as("another tenant's camille")
                .isFalse();
    }

    @Test
    void forgets_after_a_while_so_an_agent_added_again_with_versions_starting_over_is_tried_again() {
        TestClock clock = new TestClock();
        RecentReservations recent = new RecentReservations(clock, 2_000);
        recent.attempting(camille("bank-a", 40));
        LiveAgent addedAgain = camille("bank-a", 1);
        assertThat(recent.changedSince(addedAgain)).isTrue();

        clock.advance(Duration.ofMillis(2_001));

        assertThat(recent.changedSince(addedAgain)).isFalse();
    }
}
