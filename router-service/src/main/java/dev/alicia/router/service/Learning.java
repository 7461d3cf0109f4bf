package dev.alicia.router.service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.alicia.router.domain.learning.Holdout;
import dev.alicia.router.domain.learning.LearningSettings;
import dev.alicia.router.domain.learning.Objective;
import dev.alicia.router.domain.learning.OutcomeKeys;
import dev.alicia.router.domain.learning.OutcomeLearner;
import dev.alicia.router.domain.learning.Shrinkage;
import dev.alicia.router.store.OutcomeCountsStore;

/**
 * Predictive routing's learning, as configured: the A/B holdout, and one learner per tenant over the counts every
 * router instance shares in Redis (so learning survives a restart and is the same on every instance).
 */
@ApplicationScoped
public class Learning {

    private final Holdout holdout;
    private final LearningSettings settings;
    private final boolean explore;
    private final int exploreAfter;
    private final Set<String> experimentQueues;
    private final OutcomeCountsStore counts;
    private final Map<String, OutcomeLearner> learners = new ConcurrentHashMap<>();

    public Learning(RouterConfig config, OutcomeCountsStore counts) {
        RouterConfig.Learning learning = config.learning();
        this.holdout = new Holdout(learning.holdoutShare(), learning.holdoutBaseline(), learning.holdoutSalt());
        this.settings = new LearningSettings(
                Shrinkage.DEFAULTS,
                new Objective(
                        learning.resolutionWeight(),
                        learning.satisfactionWeight(),
                        learning.handleTimeWeight(),
                        learning.handleTimeIntents().orElse(Set.of())));
        this.explore = learning.explore();
        this.exploreAfter = learning.exploreAfter();
        this.experimentQueues = learning.holdoutQueues().orElse(Set.of());
        this.counts = counts;
    }

    /** The holdout of a queue's contacts: none outside the experiment's queues. */
    public Holdout holdout(String queue) {
        return experimentQueues.isEmpty() || experimentQueues.contains(queue) ? holdout : Holdout.NONE;
    }

    /**
     * Whether this tenant's decisions draw from what is known (Thompson sampling) rather than take the posterior
     * mean: only once it has reported enough outcomes for a draw to mean something.
     */
    public boolean explores(String tenantId) {
        if (!explore) {
            return false;
        }
        return counts.of(tenantId).read(OutcomeKeys.global()).contacts() >= exploreAfter;
    }

    public OutcomeLearner learner(String tenantId) {
        return learners.computeIfAbsent(tenantId, tenant -> new OutcomeLearner(counts.of(tenant), settings));
    }
}
