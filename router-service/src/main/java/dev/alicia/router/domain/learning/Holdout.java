package dev.alicia.router.domain.learning;

import java.nio.charset.StandardCharsets;

import dev.alicia.router.domain.Strategy;

/**
 * The A/B holdout: a configurable share of the contacts of predictive queues is routed by the baseline strategy
 * instead, so the uplift of learning is measured all the time on the same traffic. The arm follows from a hash
 * of the contact id alone, so every router instance, and a retry, puts a contact on the same side; the salt
 * draws a fresh split for a new experiment.
 */
public record Holdout(double baselineShare, Strategy baseline, String salt) {

    public static final Holdout NONE = new Holdout(0, Strategy.LONGEST_IDLE, "");

    public Holdout {
        if (baselineShare < 0 || baselineShare > 1) {
            throw new IllegalArgumentException("the baseline share is between 0 and 1");
        }
        if (baseline == null || baseline == Strategy.PREDICTIVE) {
            throw new IllegalArgumentException("the baseline must be a non-predictive strategy");
        }
        salt = salt == null ? "" : salt;
    }

    public Arm arm(String contactId) {
        if (baselineShare <= 0) {
            return Arm.PREDICTIVE;
        }
        return uniform(salt + '\u0000' + contactId) < baselineShare ? Arm.BASELINE : Arm.PREDICTIVE;
    }

    /** The strategy for a contact of a queue: held-out contacts of predictive queues get the baseline. */
    public Strategy strategyFor(Arm arm, Strategy queueStrategy) {
        return arm == Arm.BASELINE && queueStrategy == Strategy.PREDICTIVE ? baseline : queueStrategy;
    }

    /** FNV-1a over the UTF-8 bytes, then the SplitMix64 finaliser so that similar ids spread evenly: [0, 1). */
    static double uniform(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return (hash >>> 11) * 0x1.0p-53;
    }
}
