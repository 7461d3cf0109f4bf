package dev.alicia.presence.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;
import dev.alicia.presence.client.model.Channel;

/** An agent of the roster as an administrator describes them. */
public record AgentRequest(
        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String agentId,

        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 64) String team,
        @NotEmpty List<@Valid @NotNull LanguageFluency> languages,
        @NotNull List<@Valid @NotNull SkillLevel> skills,
        @NotEmpty Set<@NotNull Channel> channels,

        @Pattern(regexp = "[a-z0-9_-]{1,64}", message = "must be 1-64 lower-case letters, digits, _ or -")
        String capacityProfile,

        Map<
                        @Pattern(regexp = "[a-z_]{1,64}", message = "must be 1-64 lower-case letters or _") String,
                        @NotNull @DecimalMin("0") @DecimalMax("1") Double>
                strengths) {

    /** A language the agent speaks, from 1 (basic) to 5 (native). */
    public record LanguageFluency(
            @NotNull @Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE)
            String code,

            @Min(1) @Max(5) int fluency) {}

    /** A skill and how well the agent masters it, from 1 (learning) to 5 (expert). */
    public record SkillLevel(
            @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,64}", message = "must be 1-64 lower-case letters, digits, _ or -")
            String name,

            @Min(1) @Max(5) int proficiency) {}
}
