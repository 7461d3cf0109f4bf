package dev.alicia.context.messaging;

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
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "context"))
class ConversationEventContractTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Test
    void the_erasure_events_this_service_publishes_read_as_the_contract_shows_them() throws Exception {
        AsyncApiContract contract = AsyncApiContract.load();
        assertThat(contract.address("contextErasures")).isEqualTo(ErasureEvents.TOPIC);
        for (String payload : contract.examplePayloads("CustomerErased")) {
            CustomerErased event = mapper.readValue(payload, CustomerErased.class);
            assertThat(mapper.readTree(mapper.writeValueAsString(event))).isEqualTo(mapper.readTree(payload));
        }
    }

    @Test
    void every_conversation_event_example_of_the_contract_is_a_valid_event_for_this_service() throws Exception {
        AsyncApiContract contract = AsyncApiContract.load();
        assertThat(contract.address("conversationEvents")).isEqualTo(ConversationEventsConsumer.TOPIC);
        for (String payload : contract.examplePayloads("ConversationEvent")) {
            ConversationEvent event = mapper.readValue(payload, ConversationEvent.class);
            assertThat(validator.validate(event)).as(payload).isEmpty();
        }
    }
}
