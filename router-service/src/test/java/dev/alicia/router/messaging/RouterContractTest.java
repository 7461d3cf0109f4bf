package dev.alicia.router.messaging;

import jakarta.inject.Inject;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.testing.AsyncApiContract;
import dev.alicia.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "router"))
class RouterContractTest {

    private final AsyncApiContract contract = AsyncApiContract.load();

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Test
    void every_contact_example_of_the_contract_is_a_valid_contact_for_the_router() throws Exception {
        assertThat(contract.address("contactsInbound")).isEqualTo(InboundContactsConsumer.TOPIC);
        for (String payload : contract.examplePayloads("ContactArrived")) {
            assertThat(validator.validate(mapper.readValue(payload, ContactArrived.class)))
                    .as(payload)
                    .isEmpty();
        }
    }

    @Test
    void the_routing_events_the_router_publishes_read_as_the_contract_shows_them() throws Exception {
        assertThat(contract.address("routingEvents")).isEqualTo(RoutingEvents.TOPIC);
        for (String payload : contract.examplePayloads("RoutingEvent")) {
            RoutingEvent event = mapper.readValue(payload, RoutingEvent.class);
            assertThat(mapper.readTree(mapper.writeValueAsString(event)))
                    .as("round trip of " + payload)
                    .isEqualTo(mapper.readTree(payload));
        }
    }
}
