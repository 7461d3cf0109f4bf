package dev.alicia.context.api;

import java.util.List;

import dev.alicia.context.client.model.Register;
import dev.alicia.context.messaging.ConversationEvent.ChannelIdentity;

public record ProfileView(
        String customerId,
        String displayName,
        String preferredLanguage,
        Register register,
        List<ChannelIdentity> identities) {}
