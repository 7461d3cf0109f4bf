package dev.alicia.context.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.context.client.model.Register;
import dev.alicia.context.messaging.ConversationEvent.ChannelIdentity;
import dev.alicia.kit.api.Ids;

/** A customer's profile as the CRM knows it, with the channel identities that are theirs. */
public record ProfileRequest(
        @NotBlank @Size(max = 200) String displayName,

        @Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE)
        String preferredLanguage,

        Register register,
        @Size(max = 20) List<@Valid @NotNull ChannelIdentity> identities) {}
