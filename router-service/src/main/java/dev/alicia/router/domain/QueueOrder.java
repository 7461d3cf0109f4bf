package dev.alicia.router.domain;

/**
 * The order in which waiting contacts are served: by priority, then by age, with aging. Each priority point is
 * worth {@code creditMillis} of waiting, so an urgent contact goes ahead of calmer ones who arrived before it,
 * but a contact that has waited long enough is not starved by a stream of higher priorities. The rank is fixed
 * when the contact is queued (lower is served first), so it can be a sorted-set score.
 */
public record QueueOrder(long creditMillis) {

    public double rank(int priority, long enqueuedAt) {
        return (double) enqueuedAt - (double) priority * creditMillis;
    }
}
