package dev.alicia.presence.api;

import static dev.alicia.presence.api.RosterFixtures.choose;
import static dev.alicia.presence.api.RosterFixtures.createCamille;

/** Lets tests in other packages put an agent on the floor through the public API. */
public final class PresenceTestAccess {

    private PresenceTestAccess() {}

    /** Camille-like agent (voice and chat, standard capacity), logged in and AVAILABLE. */
    public static void available(String tenant, String agentId) {
        createCamille(tenant, agentId);
        choose(tenant, agentId, "AVAILABLE", null).statusCode(200);
    }
}
