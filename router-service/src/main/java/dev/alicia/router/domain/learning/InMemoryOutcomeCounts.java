package dev.alicia.router.domain.learning;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts in this process, for the simulator and tests; adds are atomic per key, like HINCRBYFLOAT. */
public final class InMemoryOutcomeCounts implements OutcomeCounts {

    private final Map<String, Tally> counts = new ConcurrentHashMap<>();

    @Override
    public void add(Map<String, Tally> increments) {
        increments.forEach((key, tally) -> counts.merge(key, tally, Tally::plus));
    }

    @Override
    public Map<String, Tally> read(Collection<String> keys) {
        Map<String, Tally> snapshot = new HashMap<>(keys.size() * 2);
        for (String key : keys) {
            Tally tally = counts.get(key);
            if (tally != null) {
                snapshot.put(key, tally);
            }
        }
        return snapshot;
    }

    public int size() {
        return counts.size();
    }
}
