package dev.alicia.router.messaging;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;
import dev.alicia.presence.client.model.Channel;

/**
 * A new contact to route, from a channel adapter on {@value InboundContactsConsumer#TOPIC} (keyed
 * {@code <tenantId>:<contactId>}) or from a platform over REST. Language and intent are hints: the
 * customer's context, when it has them, is what counts.
 */
public record ContactArrived(
        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String contactId,

        @NotBlank @Pattern(regexp = Ids.TENANT, message = Ids.TENANT_MESSAGE)
        String tenantId,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String customerId,

        @NotNull Channel channel,

        @Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE)
        String language,

        @Size(max = 64) String intent,

        /** The customer's tier (e.g. gold), when the platform knows it: routing rules may match on it. */
        @Size(max = 32) String tier,

        @NotNull Instant arrivedAt) {}
