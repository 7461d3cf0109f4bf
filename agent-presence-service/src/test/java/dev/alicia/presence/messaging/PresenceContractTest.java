package dev.alicia.presence.messaging;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.testing.AsyncApiContract;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "presence"))
class PresenceContractTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void the_routing_events_this_service_consumes_read_as_contact_changes() throws Exception {
        AsyncApiContract contract = AsyncApiContract.load();
        assertThat(contract.address("routingEvents")).isEqualTo(ContactLifecycleConsumer.TOPIC);
        for (String payload : contract.examplePayloads("RoutingEvent")) {
            ContactRouted event = mapper.readValue(payload, ContactRouted.class);
            assertThat(event.contactId()).as(payload).isNotBlank();
            assertThat(event.channel()).as(payload).isNotNull();
        }
    }

    @Test
    void the_presence_events_this_service_publishes_read_as_the_contract_shows_them() throws Exception {
        AsyncApiContract contract = AsyncApiContract.load();
        assertThat(contract.address("agentPresence")).isEqualTo(PresenceEvents.TOPIC);
        for (String payload : contract.examplePayloads("AgentPresenceChanged")) {
            AgentPresenceChanged event = mapper.readValue(payload, AgentPresenceChanged.class);
            assertThat(mapper.readTree(mapper.writeValueAsString(event)))
                    .as("round trip of " + payload)
                    .isEqualTo(mapper.readTree(payload));
        }
    }
}
