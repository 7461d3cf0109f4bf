package dev.alicia.router.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.context.client.model.HandoffBrief;
import dev.alicia.context.client.redis.StoryReader;
import dev.alicia.presence.client.model.Channel;
import dev.alicia.presence.client.model.LiveAgent;
import dev.alicia.presence.client.model.PresenceRuleViolation;
import dev.alicia.presence.client.redis.LivePresenceStore;
import dev.alicia.router.domain.Candidate;
import dev.alicia.router.domain.ContactNeeds;
import dev.alicia.router.domain.FitScorer;
import dev.alicia.router.domain.ScoredCandidate;
import dev.alicia.router.messaging.ContactArrived;
import dev.alicia.router.messaging.RoutingEvent;
import dev.alicia.router.messaging.RoutingEvents;
import dev.alicia.router.persistence.RoutingDecision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

/**
 * Decides where a contact goes: reads what the customer needs from their context, ranks the available
 * agents, claims the best one still free, records the decision, then publishes it. A contact seen again
 * (redelivery) replays its recorded decision instead of being routed twice.
 */
@ApplicationScoped
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);
    private static final int MAX_CANDIDATES = 500;

    private final LivePresenceStore agents;
    private final RoutingEvents events;
    private final ObjectMapper mapper;
    private final StoryReader stories;
    private final FitScorer scorer = new FitScorer();

    public RoutingService(LivePresenceStore agents, RoutingEvents events, ObjectMapper mapper, StoryReader stories) {
        this.agents = agents;
        this.events = events;
        this.mapper = mapper;
        this.stories = stories;
    }

    public RoutingEvent route(ContactArrived contact) {
        Optional<RoutingDecision> earlier = QuarkusTransaction.requiringNew()
                .call(() -> RoutingDecision.find(contact.tenantId(), contact.contactId()));
        if (earlier.isPresent()) {
            RoutingEvent replay = read(earlier.get().eventJson);
            events.publish(replay);
            return replay;
        }
        ContactNeeds needs = needs(contact);
        Channel channel = contact.channel();
        List<Candidate> candidates =
                agents.eligible(contact.tenantId(), channel, needs.language(), Map.of(), MAX_CANDIDATES).stream()
                        .map(RoutingService::candidate)
                        .toList();
        List<ScoredCandidate> ranked = scorer.rank(needs, candidates);
        Optional<ScoredCandidate> chosen = ranked.stream()
                .filter(c -> claim(contact, channel, c.candidate().agentId()))
                .findFirst();
        RoutingEvent event =
                chosen.map(c -> assigned(contact, needs, c, brief(contact))).orElseGet(() -> queued(contact, needs));
        QuarkusTransaction.requiringNew().run(() -> record(contact, event));
        events.publish(event);
        LOG.infof(
                "contact %s of tenant %s %s%s",
                contact.contactId(),
                contact.tenantId(),
                event.type(),
                event.agentId() == null ? "" : " to agent " + event.agentId());
        return event;
    }

    /**
     * Takes the agent with the presence service's atomic primitive: the capacity rule is checked again on the
     * agent's current state and written only if nobody changed them in between, so two routers never both win.
     */
    private boolean claim(ContactArrived contact, Channel channel, String agentId) {
        try {
            return agents.update(contact.tenantId(), agentId, agent -> agent.reserve(contact.contactId(), channel, 0))
                    .isPresent();
        } catch (PresenceRuleViolation taken) {
            return false;
        }
    }

    private static Candidate candidate(LiveAgent agent) {
        return new Candidate(agent.agentId(), agent.languages().keySet(), agent.skills());
    }

    /** The customer's context wins over the adapter's hints: it is what the bot actually understood. */
    private ContactNeeds needs(ContactArrived contact) {
        Map<String, String> context = stories.features(contact.tenantId(), contact.customerId());
        return new ContactNeeds(
                context.getOrDefault("language", contact.language()), context.getOrDefault("intent", contact.intent()));
    }

    /** The story the agent reads before saying hello, as context-service tells it. */
    private HandoffBrief brief(ContactArrived contact) {
        return stories.brief(contact.tenantId(), contact.customerId(), contact.contactId(), Instant.now());
    }

    private static RoutingEvent assigned(
            ContactArrived contact, ContactNeeds needs, ScoredCandidate chosen, HandoffBrief brief) {
        return new RoutingEvent(
                UUID.randomUUID().toString(),
                RoutingEvent.Type.CONTACT_ASSIGNED,
                contact.tenantId(),
                contact.contactId(),
                contact.customerId(),
                contact.channel(),
                chosen.candidate().agentId(),
                chosen.score(),
                chosen.factors(),
                needs.language(),
                needs.intent(),
                brief,
                Instant.now());
    }

    private static RoutingEvent queued(ContactArrived contact, ContactNeeds needs) {
        return new RoutingEvent(
                UUID.randomUUID().toString(),
                RoutingEvent.Type.CONTACT_QUEUED,
                contact.tenantId(),
                contact.contactId(),
                contact.customerId(),
                contact.channel(),
                null,
                null,
                List.of(),
                needs.language(),
                needs.intent(),
                null,
                Instant.now());
    }

    private void record(ContactArrived contact, RoutingEvent event) {
        RoutingDecision decision = new RoutingDecision();
        decision.eventId = event.eventId();
        decision.tenantId = contact.tenantId();
        decision.contactId = contact.contactId();
        decision.customerId = contact.customerId();
        decision.outcome = event.type().name();
        decision.agentId = event.agentId();
        decision.score = event.score();
        decision.eventJson = write(event);
        decision.decidedAt = event.occurredAt();
        decision.persist();
    }

    public Optional<RoutingEvent> decision(String tenantId, String contactId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> RoutingDecision.find(tenantId, contactId).map(d -> read(d.eventJson)));
    }

    private String write(RoutingEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RoutingEvent read(String json) {
        try {
            return mapper.readValue(json, RoutingEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable recorded decision", e);
        }
    }
}
