package dev.alicia.router.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.alicia.kit.api.Ids;

/**
 * How a contact ended, reported by its agent or the platform: resolved on this contact or not, the customer's
 * survey score 1-5 when they answered, whether it was transferred, the handle time, how the customer felt at the
 * end.
 */
public record OutcomeRequest(
        @NotBlank @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE)
        String agentId,

        @NotNull Boolean resolved,
        @Min(1) @Max(5) Integer satisfaction,
        Boolean transferred,
        @PositiveOrZero Double handleSeconds,
        @Size(max = 32) String endEmotion) {}
