package dev.alicia.kit.security;

/**
 * The roles a bearer token carries in its {@code groups} claim. A token also names its tenant ({@code tenant}
 * claim) and, for an agent, the agent's id ({@code sub}).
 */
public final class Roles {

    /** An agent: their own presence, the contacts offered to them, the briefs of the contacts they hold. */
    public static final String AGENT = "agent";

    /** A team lead: the tenant's statistics, wallboard and reports, any agent's presence, transfers. */
    public static final String SUPERVISOR = "supervisor";

    /** The tenant's administrator: the roster, capacity profiles and routing rules. */
    public static final String ADMIN = "admin";

    /** The channel platform (telephony, chat, CRM): submits contacts, conversation events and profiles. */
    public static final String PLATFORM = "platform";

    private Roles() {}
}
