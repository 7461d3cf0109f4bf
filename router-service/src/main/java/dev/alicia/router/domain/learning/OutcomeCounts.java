package dev.alicia.router.domain.learning;

import java.util.List;
import java.util.Map;

/**
 * Where the learner's counts live. Increments commute, so a shared store (a Redis hash per key, HINCRBYFLOAT per
 * field) lets several router instances learn together without coordination; readers take a snapshot.
 */
public interface OutcomeCounts {

    /** Adds each tally to the counts under its key. */
    void add(Map<String, Tally> increments);

    /**
     * The counts under each key, in the order asked (a decision reads hundreds: no map to build and search); a key
     * never written reads as {@link Tally#ZERO}.
     */
    List<Tally> read(List<String> keys);

    /** The counts under one key. */
    default Tally read(String key) {
        return read(List.of(key)).get(0);
    }
}
