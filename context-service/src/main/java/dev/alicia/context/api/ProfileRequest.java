package dev.alicia.context.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.context.domain.Register;

/** A customer's profile as the CRM knows it. */
public record ProfileRequest(
        @NotBlank @Size(max = 200) String displayName,

        @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code like fr")
        String preferredLanguage,

        Register register) {}
