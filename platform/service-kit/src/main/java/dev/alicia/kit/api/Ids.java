package dev.alicia.kit.api;

/**
 * The shapes of identifiers, one definition for validation ({@code @Pattern(regexp = Ids.ENTITY)}) and for Redis
 * key names: an id that passes validation is always safe inside a key (no braces, no {@code :}, bounded).
 */
public final class Ids {

    /**
     * Agent, customer, contact, event ids. Not dots alone: {@code .} and {@code ..} in a URL path are resolved away by
     * clients and proxies, so such an id could not be addressed.
     */
    public static final String ENTITY = "(?!\\.+$)[A-Za-z0-9._@+-]{1,128}";

    public static final String ENTITY_MESSAGE = "must be 1-128 letters, digits or ._@+- (not only dots)";

    /** Tenant ids: lower case, usable in DNS names and topic prefixes. */
    public static final String TENANT = "[a-z0-9][a-z0-9-]{0,62}";

    public static final String TENANT_MESSAGE = "must be 1-63 lower-case letters, digits or '-'";

    /** ISO 639-1 language codes. */
    public static final String LANGUAGE = "[a-z]{2}";

    public static final String LANGUAGE_MESSAGE = "must be an ISO 639-1 code like fr";

    private Ids() {}
}
