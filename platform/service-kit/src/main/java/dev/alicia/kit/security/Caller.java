package dev.alicia.kit.security;

import java.util.Arrays;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

import dev.alicia.kit.api.Ids;
import dev.alicia.kit.api.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from their verified bearer token: the tenant they act for (never from a header or a body, so
 * no request can reach another tenant's data), their roles, and for an agent their own id.
 */
@RequestScoped
public class Caller {

    /** The claim that names the caller's tenant. */
    public static final String TENANT_CLAIM = "tenant";

    private static final Pattern TENANT = Pattern.compile(Ids.TENANT);

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The tenant the token was issued for; a token without a valid one is refused. */
    public String tenant() {
        Object claim = token.getClaim(TENANT_CLAIM);
        String tenant = claim == null ? null : claim.toString();
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw ProblemException.forbidden("The token names no valid tenant (claim '" + TENANT_CLAIM + "')");
        }
        return tenant;
    }

    /** The token's subject: for an agent, their agent id. */
    public String subject() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** Whether the caller is this agent, signed in as themselves. */
    public boolean isAgent(String agentId) {
        return hasRole(Roles.AGENT) && agentId != null && agentId.equals(subject());
    }

    /** True for a caller holding one of {@code roles}. */
    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(this::hasRole);
    }

    /**
     * An agent may act only as themselves; a caller with one of {@code roles} may act for any agent of the tenant.
     */
    public void requireSelfOr(String agentId, String... roles) {
        if (!hasAnyRole(roles) && !isAgent(agentId)) {
            throw ProblemException.forbidden("An agent may act only as themselves, not as '" + agentId + "'");
        }
    }
}
