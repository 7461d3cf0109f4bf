package dev.alicia.router.domain.learning;

import java.util.List;
import java.util.Map;

/**
 * The learner's state under one key: plain sums, so that any number of router instances can add to them in any
 * order (a Redis hash with HINCRBYFLOAT per field) and every reader sees a consistent-enough snapshot.
 *
 * @param contacts outcomes counted
 * @param resolved of which resolved
 * @param expectedResolved what an average agent would have resolved of the same contacts (the sum of the
 *     baseline probabilities at the time), so an agent's record is judged against the mix they were given
 * @param rated outcomes with a satisfaction survey
 * @param satisfaction sum of the survey scores, scaled to 0-1
 * @param expectedSatisfaction the baseline's satisfaction for the rated contacts, summed
 * @param handleSeconds sum of handle times
 */
public record Tally(
        double contacts,
        double resolved,
        double expectedResolved,
        double rated,
        double satisfaction,
        double expectedSatisfaction,
        double handleSeconds) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0);

    /** Field names for a hash-per-key store, in the order of the components. */
    public static final List<String> FIELDS = List.of("n", "r", "er", "m", "s", "es", "h");

    public Tally plus(Tally other) {
        return new Tally(
                contacts + other.contacts,
                resolved + other.resolved,
                expectedResolved + other.expectedResolved,
                rated + other.rated,
                satisfaction + other.satisfaction,
                expectedSatisfaction + other.expectedSatisfaction,
                handleSeconds + other.handleSeconds);
    }

    /** The components in {@link #FIELDS} order. */
    public double[] values() {
        return new double[] {
            contacts, resolved, expectedResolved, rated, satisfaction, expectedSatisfaction, handleSeconds
        };
    }

    /** From a stored hash; missing fields are zero. */
    public static Tally of(Map<String, ? extends Number> fields) {
        double[] v = new double[FIELDS.size()];
        for (int i = 0; i < v.length; i++) {
            Number value = fields.get(FIELDS.get(i));
            v[i] = value == null ? 0 : value.doubleValue();
        }
        return new Tally(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }
}
