package dev.alicia.router.domain;

/**
 * How many distressed contacts an agent has taken in a row, and until when (epoch ms) they are spared new ones.
 */
public record DistressStreak(int inARow, long coolDownUntil) {

    public static final DistressStreak NONE = new DistressStreak(0, 0);

    public boolean coolingDown(long now) {
        return coolDownUntil > now;
    }
}
