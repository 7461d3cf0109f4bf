package dev.alicia.router.messaging;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.presence.client.model.Channel;

/**
 * A new contact to route, from a channel adapter on {@value InboundContactsConsumer#TOPIC} (keyed
 * {@code <tenantId>:<contactId>}) or from a platform over REST. Language and intent are hints: the
 * customer's context, when it has them, is what counts.
 */
public record ContactArrived(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@+-]{1,128}")
        String contactId,

        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}")
        String tenantId,

        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@+-]{1,128}")
        String customerId,

        @NotNull Channel channel,
        @Pattern(regexp = "[a-z]{2}") String language,
        @Size(max = 64) String intent,
        @NotNull Instant arrivedAt) {}
