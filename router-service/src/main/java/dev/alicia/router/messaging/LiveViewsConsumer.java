package dev.alicia.router.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.alicia.kit.messaging.ConsumerLoops;
import dev.alicia.router.service.LiveFeeds;
import io.quarkus.runtime.StartupEvent;

/**
 * Feeds the wallboards and agent desks this instance serves. Each instance reads every decision and presence
 * change in a consumer group of its own ({@code router-live-<random id>}, from the newest record): a browser may
 * be connected to any instance, whichever instance decided. Nothing is processed here, so nothing is shared; a
 * tenant nobody watches costs no decoding (profiled under load, decoding every record for nobody took 8% of the
 * router's CPU).
 */
@ApplicationScoped
public class LiveViewsConsumer {

    static final String GROUP_PREFIX = "router-live";

    private final LiveFeeds feeds;

    public LiveViewsConsumer(LiveFeeds feeds) {
        this.feeds = feeds;
    }

    void start(@Observes StartupEvent startup, ConsumerLoops loops) {
        loops.startLive(
                RoutingEvents.TOPIC,
                GROUP_PREFIX,
                RoutingEvent.class,
                feeds::watches,
                record -> feeds.decision(record.value()));
        loops.startLive(
                PresenceChangesConsumer.TOPIC,
                GROUP_PREFIX,
                AgentStateChanged.class,
                feeds::watches,
                record -> feeds.presence(record.value()));
    }
}
