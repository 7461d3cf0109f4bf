package dev.alicia.context.messaging;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.context.domain.Channel;
import dev.alicia.context.domain.ConversationEventType;

/**
 * One thing that happened in a customer's conversation, from any channel: consumed from
 * {@value ConversationEventsConsumer#TOPIC} (keyed {@code <tenantId>:<customerId>}) or posted over REST.
 */
public record ConversationEvent(
        @NotBlank @Size(max = 128) String eventId,

        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}")
        String tenantId,

        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@+-]{1,128}")
        String customerId,

        @Size(max = 128) String contactId,
        @NotNull Channel channel,
        @NotNull ConversationEventType type,
        @NotNull Instant occurredAt,
        @Pattern(regexp = "[a-z]{2}") String language,
        @Size(max = 4000) String text,
        @Size(max = 64) String intent,
        @DecimalMin("0") @DecimalMax("1") Double confidence,
        Map<String, String> entities) {}
