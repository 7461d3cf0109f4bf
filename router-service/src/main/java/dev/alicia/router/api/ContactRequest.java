package dev.alicia.router.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.presence.client.model.Channel;

/** A contact a platform submits for routing; the tenant is the caller's. */
public record ContactRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@+-]{1,128}", message = "must be 1-128 letters, digits or ._@+-")
        String contactId,

        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@+-]{1,128}", message = "must be 1-128 letters, digits or ._@+-")
        String customerId,

        @NotNull Channel channel,

        @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code like fr")
        String language,

        @Size(max = 64) String intent) {}
