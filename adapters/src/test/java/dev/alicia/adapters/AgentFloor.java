package dev.alicia.adapters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One tenant's agents at work through the reference desktop: the answering ones accept every offer shortly after it
 * appears, talk for a moment and end the contact; the silent ones never answer, so every offer to them times out and
 * goes to someone else. A call the services cannot answer now (a 5xx, a refused connection: the fault under test) is
 * tried again, as a desktop would; an offer that closed meanwhile (4xx) is let go. A call assigned to an agent, as
 * {@code routing.events} says, is ended by them, however it became theirs.
 */
final class AgentFloor implements AutoCloseable {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

    private final Platform platform;
    private final AgentDesktop desktop;
    private final Set<String> answering = ConcurrentHashMap.newKeySet();
    private final List<String> everyone = new ArrayList<>();
    private final ScheduledExecutorService desks = Executors.newScheduledThreadPool(4, r -> {
        Thread thread = new Thread(r, "agent-floor");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger retriedCalls = new AtomicInteger();
    /** Calls an agent has (accepted, or seen assigned to them): each is ended once. */
    private final Set<String> inConversation = ConcurrentHashMap.newKeySet();

    AgentFloor(Platform platform, AgentDesktop desktop, int answeringAgents, int silentAgents) {
        this.platform = platform;
        this.desktop = desktop;
        for (int i = 0; i < answeringAgents + silentAgents; i++) {
            String agentId = (i < answeringAgents ? "answers-" : "silent-") + i;
            desktop.logIn(new AgentDesktop.Agent(
                    agentId, agentId, "floor", Map.of("fr", 5), Map.of("billing", 3), List.of("VOICE"), Map.of()));
            everyone.add(agentId);
            if (i < answeringAgents) {
                answering.add(agentId);
            }
        }
    }

    List<String> agents() {
        return List.copyOf(everyone);
    }

    /** Calls that had to be tried again because a service could not answer at that moment. */
    int retriedCalls() {
        return retriedCalls.get();
    }

    /** A decision about one of the tenant's contacts, as the desktops see it on {@code routing.events}. */
    void onEvent(JsonNode event) {
        String agentId = event.path("agentId").asText();
        String type = event.path("type").asText();
        if (type.equals("CONTACT_ASSIGNED") && answering.contains(agentId)) {
            // The call is the agent's even when their accept was not answered as such (an accept cut off by an
            // outage is completed by the router's sweeper): the desktop shows it, and the agent ends it.
            String contactId = event.path("contactId").asText();
            if (inConversation.add(contactId)) {
                desks.schedule(
                        () -> end(contactId, agentId, System.nanoTime()),
                        ThreadLocalRandom.current().nextLong(200, 600),
                        TimeUnit.MILLISECONDS);
            }
        }
        if (type.equals("CONTACT_OFFERED") && answering.contains(agentId)) {
            String contactId = event.path("contactId").asText();
            desks.schedule(
                    () -> answer(contactId, agentId, System.nanoTime()),
                    ThreadLocalRandom.current().nextLong(20, 120),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void answer(String contactId, String agentId, long since) {
        Outcome accepted = attempt(() -> desktop.accept(contactId, agentId));
        if (accepted == Outcome.RETRY && !expired(since)) {
            desks.schedule(() -> answer(contactId, agentId, since), 250, TimeUnit.MILLISECONDS);
        } else if (accepted == Outcome.DONE && inConversation.add(contactId)) {
            desks.schedule(
                    () -> end(contactId, agentId, System.nanoTime()),
                    ThreadLocalRandom.current().nextLong(200, 600),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void end(String contactId, String agentId, long since) {
        Outcome ended = attempt(() ->
                platform.routerAsAgent(agentId, "POST", "/contacts/" + contactId + "/end", Map.of("agentId", agentId)));
        if (ended == Outcome.RETRY && !expired(since)) {
            desks.schedule(() -> end(contactId, agentId, since), 250, TimeUnit.MILLISECONDS);
        }
    }

    private enum Outcome {
        DONE,
        RETRY,
        REFUSED
    }

    private Outcome attempt(Runnable call) {
        try {
            call.run();
            return Outcome.DONE;
        } catch (IllegalStateException e) {
            // TenantHttp names the status in its message: a 4xx is the service's answer (the offer closed, the
            // contact is someone else's); anything else is the service not answering now.
            String message = String.valueOf(e.getMessage());
            if (message.matches("(?s).* answered 4\\d\\d:.*")) {
                return Outcome.REFUSED;
            }
            retriedCalls.incrementAndGet();
            return Outcome.RETRY;
        }
    }

    private static boolean expired(long since) {
        return System.nanoTime() - since > GIVE_UP_AFTER.toNanos();
    }

    /** The agents whose live state still holds a contact (none once every offer closed and every call ended). */
    Map<String, List<String>> holding() {
        Map<String, List<String>> holding = new java.util.TreeMap<>();
        for (String agentId : everyone) {
            JsonNode presence = platform.presence("GET", "/agents/" + agentId + "/presence", null);
            List<String> contacts = new ArrayList<>();
            presence.path("contacts").forEach(contact -> contacts.add(contact.asText()));
            if (!contacts.isEmpty()) {
                holding.put(agentId, contacts);
            }
        }
        return holding;
    }

    /** Each agent's status now, from the presence service. */
    Map<String, String> statuses() {
        Map<String, String> statuses = new java.util.TreeMap<>();
        for (String agentId : everyone) {
            statuses.put(
                    agentId,
                    platform.presence("GET", "/agents/" + agentId + "/presence", null)
                            .path("status")
                            .asText());
        }
        return statuses;
    }

    @Override
    public void close() {
        desks.shutdownNow();
    }
}
