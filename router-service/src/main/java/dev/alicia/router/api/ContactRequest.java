package dev.alicia.router.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;
import dev.alicia.presence.client.model.Channel;

/** A contact a platform submits for routing; the tenant is the caller's. */
public record ContactRequest(
        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String contactId,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String customerId,

        @NotNull Channel channel,

        @Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE)
        String language,

        @Size(max = 64) String intent,
        @Size(max = 32) String tier) {}
