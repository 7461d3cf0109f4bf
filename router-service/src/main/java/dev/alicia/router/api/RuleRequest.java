package dev.alicia.router.api;

import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;
import dev.alicia.presence.client.model.Channel;

/**
 * A routing rule as an administrator writes it: conditions (empty = any), then the queue, its priority (0-10)
 * and the skills it requires with their minimum level (1-5).
 */
public record RuleRequest(
        @Min(0) @Max(10_000) int order,
        Set<Channel> channels,
        Set<@Size(max = 64) String> intents,
        Set<@Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE) String> languages,
        Set<@Size(max = 32) String> tiers,
        Set<@Size(max = 32) String> signals,

        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String queue,

        @Min(0) @Max(10) int priority,
        Map<@Size(max = 64) String, @Min(1) @Max(5) Integer> requiredSkills) {}
