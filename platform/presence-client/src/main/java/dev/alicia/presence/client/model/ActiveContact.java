package dev.alicia.presence.client.model;

/**
 * A contact on an agent's plate: reserved for them (offered, not yet accepted, until {@code reservedUntil}
 * epoch ms) or accepted ({@code reservedUntil == 0}). Both count against capacity.
 */
public record ActiveContact(String contactId, Channel channel, long reservedUntil) {

    public boolean reserved() {
        return reservedUntil > 0;
    }

    public ActiveContact accepted() {
        return new ActiveContact(contactId, channel, 0);
    }
}
