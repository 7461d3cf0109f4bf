package dev.alicia.router.domain;

/** One reason in a routing decision and how much it weighed. */
public record Factor(String name, double contribution, String detail) {}
