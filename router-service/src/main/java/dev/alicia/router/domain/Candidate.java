package dev.alicia.router.domain;

import java.util.Map;
import java.util.Objects;

/**
 * An agent who could take the contact now, as routing sees them: languages and skills with their level 1-5,
 * strengths 0-1 (empathy, deescalation, formal, informal...), since when they are idle (epoch ms, 0 when not
 * idle), how loaded they are, their run of distressed contacts, and what the learning model expects of them
 * for this kind of contact (0-1; {@code null} when it has no opinion) and how much better than an average agent
 * it expects them to be in general (their edge, on the same scale; 0 without an opinion).
 *
 * <p>A class rather than a record so that what ranking reads of every agent sits in the object itself: the first
 * four languages and skills with their levels, the estimate as a primitive, the id's hash, the four strengths
 * routing asks for in one array. Ranking 20,000 agents costs the memory it touches, and a map or a boxed value is
 * one more cache line per agent. Names are compared by reference first (the presence client interns the names
 * it decodes, the ranking its own), then by hash and characters.
 */
public final class Candidate {

    private static final int EMPATHY = 0;
    private static final int DEESCALATION = 1;
    private static final int FORMAL = 2;
    private static final int INFORMAL = 3;
    private static final double NEUTRAL_STRENGTH = 0.5;
    /** The learned estimate of an agent the model has no opinion of. */
    private static final double NEUTRAL_PRIOR = 0.5;

    // HotSpot lays primitives out first, then references in the order declared: what the hard rules read of
    // every agent (id hash, languages, skills) comes first, what only the scored ones need after it.
    private final int idHash;
    private final long idleSince;
    private final double occupancy;
    private final double estimate;
    private final double edge;
    private final int fluencies;
    private final int levels;
    private final boolean moreLanguages;
    private final boolean moreSkills;
    private final String language0;
    private final String language1;
    private final String language2;
    private final String language3;
    private final String skill0;
    private final String skill1;
    private final String skill2;
    private final String skill3;
    private final DistressStreak streak;
    private final double[] routingStrengths;
    private final String agentId;
    private final Map<String, Integer> languages;
    private final Map<String, Integer> skills;
    private final Map<String, Double> strengths;
    private final Double outcomeEstimate;

    public Candidate(
            String agentId,
            Map<String, Integer> languages,
            Map<String, Integer> skills,
            Map<String, Double> strengths,
            long idleSince,
            double occupancy,
            DistressStreak streak,
            Double outcomeEstimate) {
        this(agentId, languages, skills, strengths, idleSince, occupancy, streak, outcomeEstimate, 0);
    }

    private Candidate(
            String agentId,
            Map<String, Integer> languages,
            Map<String, Integer> skills,
            Map<String, Double> strengths,
            long idleSince,
            double occupancy,
            DistressStreak streak,
            Double outcomeEstimate,
            double edge) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.languages = Map.copyOf(languages);
        this.skills = Map.copyOf(skills);
        this.strengths = Map.copyOf(strengths);
        this.idleSince = idleSince;
        this.occupancy = occupancy;
        this.streak = streak == null ? DistressStreak.NONE : streak;
        this.outcomeEstimate = outcomeEstimate;
        this.idHash = agentId.hashCode();
        this.estimate = outcomeEstimate == null ? NEUTRAL_PRIOR : outcomeEstimate;
        this.edge = outcomeEstimate == null ? 0 : edge;
        this.routingStrengths =
                new double[] {strength("empathy"), strength("deescalation"), strength("formal"), strength("informal")};
        String[] spoken = inline(this.languages);
        this.language0 = spoken[0];
        this.language1 = spoken[1];
        this.language2 = spoken[2];
        this.language3 = spoken[3];
        this.fluencies = packed(this.languages, spoken);
        this.moreLanguages = spoken.length > INLINE;
        String[] held = inline(this.skills);
        this.skill0 = held[0];
        this.skill1 = held[1];
        this.skill2 = held[2];
        this.skill3 = held[3];
        this.levels = packed(this.skills, held);
        this.moreSkills = held.length > INLINE;
    }

    private static final int INLINE = 4;

    /** The first four names inline (nulls past the end); longer than four when the map must be read for others. */
    private static String[] inline(Map<String, Integer> levels) {
        String[] names = new String[INLINE];
        int i = 0;
        for (Map.Entry<String, Integer> entry : levels.entrySet()) {
            int level = entry.getValue();
            if (i == INLINE || level < 0 || level > 0xFF) {
                // Past four, or a level that does not fit a byte: the map answers for everything.
                return new String[INLINE + 1];
            }
            names[i++] = entry.getKey();
        }
        return names;
    }

    private static int packed(Map<String, Integer> levels, String[] names) {
        int packed = 0;
        for (int i = 0; i < INLINE && names[i] != null; i++) {
            packed |= levels.get(names[i]) << (8 * i);
        }
        return packed;
    }

    public static Candidate of(String agentId, Map<String, Integer> languages, Map<String, Integer> skills) {
        return new Candidate(agentId, languages, skills, Map.of(), 0, 0, DistressStreak.NONE, null);
    }

    public String agentId() {
        return agentId;
    }

    public Map<String, Integer> languages() {
        return languages;
    }

    public Map<String, Integer> skills() {
        return skills;
    }

    public Map<String, Double> strengths() {
        return strengths;
    }

    public long idleSince() {
        return idleSince;
    }

    public double occupancy() {
        return occupancy;
    }

    public DistressStreak streak() {
        return streak;
    }

    public Double outcomeEstimate() {
        return outcomeEstimate;
    }

    public double strength(String name) {
        return strengths.getOrDefault(name, NEUTRAL_STRENGTH);
    }

    public Candidate withStreak(DistressStreak streak) {
        return new Candidate(
                agentId, languages, skills, strengths, idleSince, occupancy, streak, outcomeEstimate, edge);
    }

    public Candidate withOutcomeEstimate(Double estimate) {
        return new Candidate(agentId, languages, skills, strengths, idleSince, occupancy, streak, estimate, 0);
    }

    /** The estimate for this contact, and the agent's general edge over an average agent. */
    public Candidate withOutcomeEstimate(double estimate, double generalEdge) {
        return new Candidate(
                agentId, languages, skills, strengths, idleSince, occupancy, streak, estimate, generalEdge);
    }

    /** The agent's fluency in {@code language}, -1 when they do not speak it. */
    int fluency(String language) {
        int i = indexOf(language, language0, language1, language2, language3);
        if (i >= 0) {
            return (fluencies >>> (8 * i)) & 0xFF;
        }
        return moreLanguages ? languages.getOrDefault(language, -1) : -1;
    }

    /** The agent's level in {@code skill}, 0 when they do not hold it. */
    int level(String skill) {
        int i = indexOf(skill, skill0, skill1, skill2, skill3);
        if (i >= 0) {
            return (levels >>> (8 * i)) & 0xFF;
        }
        return moreSkills ? skills.getOrDefault(skill, 0) : 0;
    }

    private static int indexOf(String name, String a, String b, String c, String d) {
        int hash = name.hashCode();
        if (same(a, name, hash)) {
            return 0;
        }
        if (same(b, name, hash)) {
            return 1;
        }
        if (same(c, name, hash)) {
            return 2;
        }
        return same(d, name, hash) ? 3 : -1;
    }

    private static boolean same(String held, String name, int hash) {
        return held == name || (held != null && held.hashCode() == hash && held.equals(name));
    }

    /** Whether this is the agent with that id, without reading the id's characters unless the hashes agree. */
    boolean is(String id) {
        return idHash == id.hashCode() && agentId.equals(id);
    }

    /** The outcome estimate, the neutral prior when the model has none. */
    double estimate() {
        return estimate;
    }

    /** How much better than an average agent the learner expects this agent to be in general (0-1 scale). */
    double edge() {
        return edge;
    }

    /** One of the strengths routing asks for, by its slot ({@link #EMPATHY}...); -1 reads {@code name}. */
    double strength(int slot, String name) {
        return slot >= 0 ? routingStrengths[slot] : strength(name);
    }

    /** The slot of a strength routing reads for every agent, or -1 for any other name. */
    static int slot(String name) {
        return switch (name) {
            case "empathy" -> EMPATHY;
            case "deescalation" -> DEESCALATION;
            case "formal" -> FORMAL;
            case "informal" -> INFORMAL;
            default -> -1;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Candidate that
                && agentId.equals(that.agentId)
                && languages.equals(that.languages)
                && skills.equals(that.skills)
                && strengths.equals(that.strengths)
                && idleSince == that.idleSince
                && Double.compare(occupancy, that.occupancy) == 0
                && streak.equals(that.streak)
                && Objects.equals(outcomeEstimate, that.outcomeEstimate)
                && Double.compare(edge, that.edge) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(agentId, languages, skills, strengths, idleSince, occupancy, streak, outcomeEstimate, edge);
    }

    @Override
    public String toString() {
        return "Candidate[agentId=" + agentId + ", languages=" + languages + ", skills=" + skills + ", strengths="
                + strengths + ", idleSince=" + idleSince + ", occupancy=" + occupancy + ", streak=" + streak
                + ", outcomeEstimate=" + outcomeEstimate + ", generalEdge=" + edge + "]";
    }
}
