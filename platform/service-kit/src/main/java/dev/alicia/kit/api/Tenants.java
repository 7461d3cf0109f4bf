package dev.alicia.kit.api;

import java.util.regex.Pattern;

/**
 * Which tenant a request acts for. Until bearer tokens carry it, the platform names it in the
 * {@value #HEADER} header of every request.
 */
public final class Tenants {

    public static final String HEADER = "X-Tenant";
    private static final Pattern VALID = Pattern.compile(Ids.TENANT);

    private Tenants() {}

    /** The tenant id from the header, or a 400 problem naming the header. */
    public static String require(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.invalidField(HEADER, "is required");
        }
        if (!VALID.matcher(header).matches()) {
            throw ProblemException.invalidField(HEADER, Ids.TENANT_MESSAGE);
        }
        return header;
    }
}
