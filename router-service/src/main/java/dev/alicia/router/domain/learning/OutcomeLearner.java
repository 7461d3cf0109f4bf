package dev.alicia.router.domain.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import dev.alicia.router.domain.Candidate;

/**
 * Learns online, from outcomes, what each agent achieves with each kind of contact, and gives the ranker a 0-1
 * estimate per candidate ({@link Candidate#outcomeEstimate()}). All state is in {@link OutcomeCounts}: one read
 * per decision, one batch of increments per outcome, so router instances sharing a store learn together and a
 * restart loses nothing the store kept.
 */
public final class OutcomeLearner {

    private final OutcomeCounts counts;
    private final OutcomeModel model;

    public OutcomeLearner(OutcomeCounts counts, LearningSettings settings) {
        this.counts = counts;
        this.model = new OutcomeModel(settings);
    }

    /**
     * The candidates, each with one Thompson draw of what they would achieve with this contact. Drawing rather
     * than taking the mean keeps exploring in proportion to what is not known yet; {@code random} is passed in so
     * a run can be replayed.
     */
    public List<Candidate> withEstimates(ContactKind kind, List<Candidate> candidates, RandomGenerator random) {
        List<String> ids = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            ids.add(candidate.agentId());
        }
        List<Tally> snapshot = counts.read(OutcomeModel.keys(kind, ids));
        OutcomeModel.Baseline baseline = model.baseline(snapshot);
        List<Candidate> estimated = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            OutcomeModel.Estimate draw =
                    model.estimate(kind, baseline, OutcomeModel.AgentLevels.of(snapshot, i), random);
            estimated.add(candidates.get(i).withOutcomeEstimate(draw.value(), draw.edge()));
        }
        return estimated;
    }

    /** The posterior means, for explaining and reporting (no exploration). */
    public Map<String, OutcomeModel.Estimate> estimates(ContactKind kind, Collection<String> agentIds) {
        List<Tally> snapshot = counts.read(OutcomeModel.keys(kind, agentIds));
        OutcomeModel.Baseline baseline = model.baseline(snapshot);
        Map<String, OutcomeModel.Estimate> estimates = new LinkedHashMap<>();
        int i = 0;
        for (String agentId : agentIds) {
            estimates.put(agentId, model.estimate(kind, baseline, OutcomeModel.AgentLevels.of(snapshot, i++), null));
        }
        return estimates;
    }

    /**
     * Whether any outcome of this agent was counted. Without one, every estimate of theirs is an average agent's:
     * they have no advantage on any kind of contact over another.
     */
    public boolean knows(String agentId) {
        return counts.read(OutcomeKeys.agent(agentId)).contacts() > 0;
    }

    /** What an average agent achieves with this kind of contact, as the counts say now. */
    public OutcomeModel.Baseline baseline(ContactKind kind) {
        return model.baseline(counts.read(OutcomeKeys.kindLevels(kind)));
    }

    /**
     * Counts one outcome. The agent's levels also get what an average agent would have achieved with this
     * contact, so their record is later judged against the contacts they were actually given.
     */
    public void record(String agentId, ContactKind kind, ContactOutcome outcome) {
        OutcomeModel.Baseline baseline = baseline(kind);
        double resolved = outcome.resolved() ? 1 : 0;
        double rated = outcome.satisfaction() == null ? 0 : 1;
        double satisfaction = outcome.satisfactionShare();
        Tally plain = new Tally(1, resolved, 0, rated, satisfaction, 0, outcome.handleSeconds());
        Tally againstBand = new Tally(
                1,
                resolved,
                baseline.intentBandResolution(),
                rated,
                satisfaction,
                rated * baseline.intentBandSatisfaction(),
                outcome.handleSeconds());
        Tally againstKind = new Tally(
                1,
                resolved,
                baseline.resolution(),
                rated,
                satisfaction,
                rated * baseline.satisfaction(),
                outcome.handleSeconds());
        Map<String, Tally> increments = new HashMap<>(16);
        increments.put(OutcomeKeys.global(), plain);
        increments.put(OutcomeKeys.intent(kind), plain);
        increments.put(OutcomeKeys.intentBand(kind), plain);
        // Channel, language and tier are judged against the intent and band alone, which they adjust.
        increments.put(OutcomeKeys.channel(kind), againstBand);
        increments.put(OutcomeKeys.language(kind), againstBand);
        increments.put(OutcomeKeys.tier(kind), againstBand);
        for (String key : OutcomeKeys.agentLevels(agentId, kind)) {
            increments.put(key, againstKind);
        }
        counts.add(increments);
    }
}
