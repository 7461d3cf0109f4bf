package dev.alicia.presence.api;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import dev.alicia.presence.client.model.Channel;

/** How many contacts of each channel an agent of this profile handles at once, and in total. */
public record CapacityProfileRequest(
        @NotEmpty Map<@NotNull Channel, @NotNull @Min(0) @Max(20) Integer> perChannel,
        @Min(1) @Max(50) int maxTotal) {}
