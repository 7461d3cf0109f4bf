package dev.alicia.router.domain.learning;

import java.util.ArrayList;
import java.util.List;
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
    public List<Tally> read(List<String> keys) {
        List<Tally> snapshot = new ArrayList<>(keys.size());
        for (String key : keys) {
            snapshot.add(counts.getOrDefault(key, Tally.ZERO));
        }
        return snapshot;
    }

    public int size() {
        return counts.size();
    }
}
