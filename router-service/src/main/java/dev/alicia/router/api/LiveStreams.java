package dev.alicia.router.api;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import dev.alicia.router.service.LiveFeeds;
import io.smallrye.mutiny.Multi;

/** Live events as server-sent events: {@code event: <name>} and one line of JSON data. */
final class LiveStreams {

    private LiveStreams() {}

    static Multi<OutboundSseEvent> asSse(Multi<LiveFeeds.LiveEvent> events, Sse sse) {
        return events.map(event -> sse.newEventBuilder()
                .name(event.name())
                .data(String.class, event.json())
                .build());
    }
}
