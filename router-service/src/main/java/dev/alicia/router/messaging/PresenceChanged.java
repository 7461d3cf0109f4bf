package dev.alicia.router.messaging;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import dev.alicia.kit.api.Ids;
import dev.alicia.presence.client.model.Channel;

/**
 * What the router reads of an {@code agent.presence} event: which agent, and whether they can take contacts now.
 * Other fields are ignored (tolerant reader). The ids are checked: they become Redis keys.
 */
public record PresenceChanged(
        @NotBlank @Pattern(regexp = Ids.TENANT, message = Ids.TENANT_MESSAGE)
        String tenantId,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String agentId,

        Set<Channel> routableChannels,
        boolean removed) {}
