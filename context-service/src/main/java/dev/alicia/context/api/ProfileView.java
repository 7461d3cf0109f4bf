package dev.alicia.context.api;

import dev.alicia.context.domain.Register;

public record ProfileView(String customerId, String displayName, String preferredLanguage, Register register) {}
