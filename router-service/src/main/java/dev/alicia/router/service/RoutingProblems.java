package dev.alicia.router.service;

import dev.alicia.kit.api.ProblemException;

/** The router's refusals, as problem+json answers. */
final class RoutingProblems {

    private RoutingProblems() {}

    static ProblemException unknown(String contactId) {
        return ProblemException.notFound("contact", contactId);
    }

    static ProblemException notOfferedTo(String contactId, String agentId) {
        return ProblemException.conflict("contact " + contactId + " is not offered to agent " + agentId);
    }

    static ProblemException offerClosed(String contactId) {
        return ProblemException.conflict(
                "the offer of contact " + contactId + " is closed already (timed out, rejected or answered)");
    }

    static ProblemException notAssignedTo(String contactId, String agentId) {
        return ProblemException.conflict("contact " + contactId + " is not with agent " + agentId);
    }

    static ProblemException notWaiting(String contactId, String status) {
        return ProblemException.conflict("contact " + contactId + " is " + status + ": nothing to abandon");
    }
}
