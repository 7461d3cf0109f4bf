package dev.alicia.router.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.alicia.router.domain.Strategy;
import dev.alicia.router.domain.Widening;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the router decides: scoring weights, the emotional-load guard, offers, queues and their widening. */
@ConfigMapping(prefix = "alicia.router")
public interface RouterConfig {

    /** Where a contact goes when no routing rule matches it. */
    @WithDefault("general")
    String defaultQueue();

    /** Priority added to urgent contacts (fraud, stolen card: the context's URGENT signal). */
    @WithDefault("5")
    int urgentBoost();

    /** How much waiting one priority point is worth: the aging of the queue order. */
    @WithDefault("PT30S")
    Duration priorityCredit();

    /** How long an agent has to accept an offer before it goes to the next agent. */
    @WithDefault("PT20S")
    Duration offerTimeout();

    /** How many of the best agents are scored factor by factor and tried in turn for one contact. */
    @WithDefault("20")
    int shortlist();

    /** How many contacts of one poll are routed side by side (each contact's records stay in order). */
    @WithDefault("8")
    int intakeParallelism();

    /** How often offers are checked for their timeout and waiting contacts for widening; 0 turns it off. */
    @WithDefault("PT0.5S")
    Duration sweepInterval();

    /**
     * How often each tenant's floor is counted for the scarcity factor (which languages and skills few logged-in
     * agents hold); 0 counts it for every decision.
     */
    @WithDefault("PT30S")
    Duration censusInterval();

    /** How long statistics look back (service level, abandonment, speed of answer). */
    @WithDefault("PT1H")
    Duration statisticsWindow();

    Weights weights();

    EmotionalLoad emotionalLoad();

    Learning learning();

    /** Per-queue settings; a queue without an entry uses {@link #defaults()}. */
    Map<String, QueueSettings> queues();

    QueueSettings defaults();

    interface Weights {
        @WithDefault("1.0")
        double skill();

        @WithDefault("0.2")
        double fluency();

        @WithDefault("0.2")
        double register();

        @WithDefault("1.0")
        double emotion();

        @WithDefault("0.6")
        double affinity();

        @WithDefault("0.2")
        double idle();

        @WithDefault("0.3")
        double occupancy();

        @WithDefault("1.0")
        double learned();

        /** Idle time beyond which fairness adds nothing more. */
        @WithDefault("PT10M")
        Duration idleSaturation();

        /**
         * How much an agent is spared for holding languages and skills that are rare on the floor and that the
         * contact does not need (keeps them free for the contacts only they can take).
         */
        @WithDefault("1.0")
        double scarcity();

        /**
         * How much of an agent's general edge (how much better than an average agent the learner expects them to be
         * at everything) is taken off their estimate for one contact, so that all-round strong agents go where they
         * make the most difference (0: the estimate alone; 1: their advantage on this kind of contact only).
         */
        @WithDefault("0.5")
        double opportunity();
    }

    /** Predictive routing's learning from outcomes, and the A/B holdout that measures its uplift. */
    interface Learning {
        /** Share of the contacts of predictive queues routed by the baseline strategy instead (0 turns it off). */
        @WithDefault("0.1")
        double holdoutShare();

        /** The predictive queues where the experiment runs; none listed: all of them. */
        Optional<Set<String>> holdoutQueues();

        /** The strategy held-out contacts are routed by. */
        @WithDefault("LONGEST_IDLE")
        Strategy holdoutBaseline();

        /** Changing it draws a new split of contacts between the arms (a new experiment). */
        @WithDefault("alicia")
        String holdoutSalt();

        /** Thompson sampling: each decision draws from what is known (false: the posterior mean, no exploration). */
        @WithDefault("true")
        boolean explore();

        /**
         * Outcomes a tenant must have reported before decisions start exploring: until then the learner knows
         * nothing of anyone, a draw would be noise, and routing follows the profiles (the posterior means are equal).
         */
        @WithDefault("100")
        int exploreAfter();

        /** How long an instance reuses the outcome counts it read (they change by one contact at a time). */
        @WithDefault("PT2S")
        Duration countsCache();

        /** Weight of the probability of resolving the contact in what the learner optimises. */
        @WithDefault("0.7")
        double resolutionWeight();

        /** Weight of the customer's satisfaction (survey 1-5 scaled to 0-1). */
        @WithDefault("0.3")
        double satisfactionWeight();

        /** Weight of handle time as a cost, only for {@link #handleTimeIntents()}, never for distressed customers. */
        @WithDefault("0")
        double handleTimeWeight();

        Optional<Set<String>> handleTimeIntents();
    }

    interface EmotionalLoad {
        /** Distressed contacts an agent takes in a row before a cool-down. */
        @WithDefault("3")
        int maxInARow();

        @WithDefault("PT2M")
        Duration coolDown();
    }

    interface QueueSettings {
        @WithDefault("PREDICTIVE")
        Strategy strategy();

        /**
         * The queue's agents take every contact without accepting it (chat desktops that auto-answer): a contact is
         * assigned at once, with its brief, and no offer can time out.
         */
        @WithDefault("false")
        boolean autoAnswer();

        /** A contact answered within this wait counts towards the service level. */
        @WithDefault("PT20S")
        Duration serviceLevelThreshold();

        /** Expected handle time until the queue has its own history. */
        @WithDefault("PT4M")
        Duration defaultHandleTime();

        /**
         * PREDICTIVE: how long a contact may wait for a busy agent expected to do clearly better with it than the
         * best agent free now (the learner's estimate; see {@code BetterMatchHold}); 0 never holds a contact.
         */
        @WithDefault("PT0S")
        Duration betterMatchWait();

        /** How much better (0-1, the learner's estimate of resolution and satisfaction) that agent must be. */
        @WithDefault("0.1")
        double betterMatchMargin();

        /**
         * PREDICTIVE, when an agent frees up while contacts wait: among the waiting contacts they may take whose
         * place in the queue is within this much waiting of the first one's, they take the one the learner expects
         * them to do best with compared with an average agent (see {@code AgentFirstChoice}); the first one as soon
         * as it has waited this long; 0 serves strictly in queue order.
         */
        @WithDefault("PT20S")
        Duration agentFirstWindow();

        /** Widening steps, e.g. {@code widening[0].after=PT30S}, {@code widening[0].action=RELAX_SKILLS}. */
        Optional<List<Step>> widening();
    }

    interface Step {
        Duration after();

        Widening.Action action();

        /** For RELAX_SKILLS: the level required skills drop to. */
        @WithDefault("1")
        int minimumLevel();

        /** For OVERFLOW: the queue whose rule's skills are accepted too. */
        Optional<String> overflowQueue();
    }
}
