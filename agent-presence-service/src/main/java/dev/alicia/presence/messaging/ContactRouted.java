package dev.alicia.presence.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;
import dev.alicia.presence.client.model.Channel;

/**
 * What this service reads of the router's {@code routing.events}: which contact, which agent, what happened.
 * Other fields are ignored (tolerant reader), ids are checked (they become Redis keys); event types that do not change an agent's load are skipped.
 */
public record ContactRouted(
        @NotBlank @Size(max = 32) String type,

        @NotBlank @Pattern(regexp = Ids.TENANT, message = Ids.TENANT_MESSAGE)
        String tenantId,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String contactId,

        @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String agentId,

        @NotNull Channel channel) {

    public static final String ASSIGNED = "CONTACT_ASSIGNED";
    public static final String ENDED = "CONTACT_ENDED";
    public static final String RELEASED = "OFFER_RELEASED";
    public static final String OFFERED = "CONTACT_OFFERED";
    public static final String TRANSFERRED = "CONTACT_TRANSFERRED";
    public static final String ABANDONED = "CONTACT_ABANDONED";

    /** Changes the router makes in the live state itself (reserve, accept, release) before it says so. */
    public boolean routerChanged() {
        return OFFERED.equals(type) || ASSIGNED.equals(type) || RELEASED.equals(type) || ABANDONED.equals(type);
    }
}
