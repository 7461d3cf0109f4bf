package dev.alicia.router.domain.learning;

import java.util.Collection;
import java.util.Map;

/**
 * Where the learner's counts live. Increments commute, so a shared store (a Redis hash per key, HINCRBYFLOAT per
 * field) lets several router instances learn together without coordination; readers take a snapshot.
 */
public interface OutcomeCounts {

    /** Adds each tally to the counts under its key. */
    void add(Map<String, Tally> increments);

    /** The counts under each key; a key never written reads as {@link Tally#ZERO} (it may be left out). */
    Map<String, Tally> read(Collection<String> keys);
}
