package dev.alicia.context.messaging;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.alicia.context.client.model.Channel;
import dev.alicia.context.client.model.ConversationEventType;
import dev.alicia.context.client.model.Emotion;
import dev.alicia.context.domain.IdentityType;
import dev.alicia.kit.api.Ids;

/**
 * One thing that happened in a customer's conversation, from any channel: consumed from
 * {@value ConversationEventsConsumer#TOPIC} (keyed {@code <tenantId>:<customerId>}, or by the channel identity
 * when the adapter does not know the customer) or posted over REST. Emotion is the adapter's reading, if it has
 * one; otherwise context-service reads it from the customer's words.
 */
public record ConversationEvent(
        @NotBlank @Size(max = 128) String eventId,

        @NotBlank @Pattern(regexp = Ids.TENANT, message = Ids.TENANT_MESSAGE)
        String tenantId,

        @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String customerId,

        @Valid ChannelIdentity identity,
        @Size(max = 128) String contactId,
        @NotNull Channel channel,
        @NotNull ConversationEventType type,
        @NotNull Instant occurredAt,

        @Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE)
        String language,

        @Size(max = 4000) String text,
        @Size(max = 64) String intent,
        @DecimalMin("0") @DecimalMax("1") Double confidence,
        Map<@Size(max = 64) String, @Size(max = 256) String> entities,
        Emotion emotion,
        @DecimalMin("0") @DecimalMax("1") Double emotionIntensity,
        @Size(max = 64) String outcome,

        @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String agentId) {

    /** The channel's own identity of the customer (a phone number, an email, a chat handle). */
    public record ChannelIdentity(
            @NotNull IdentityType type,
            @NotBlank @Size(max = 256) String value) {}

    /** An adapter may not know our customer id yet; then the identity it has says who is speaking. */
    @JsonIgnore
    @AssertTrue(message = "customerId or identity is required")
    public boolean isIdentified() {
        return customerId != null || identity != null;
    }
}
