package dev.alicia.router.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;

/** An agent sends their contact to another queue, or to a named agent, and says why. */
public record TransferRequest(
        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String agentId,

        @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String toQueue,

        @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String toAgentId,

        @NotBlank @Size(max = 256) String reason) {

    @AssertTrue(message = "name a queue (toQueue) or an agent (toAgentId) to transfer to")
    public boolean isDestination() {
        return toQueue != null || toAgentId != null;
    }
}
