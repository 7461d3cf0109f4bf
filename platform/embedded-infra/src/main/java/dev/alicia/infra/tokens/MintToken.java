package dev.alicia.infra.tokens;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Prints a development token for the system the run command started (its key pair is under {@code .local/keys}):
 * {@code MintToken <roles> <tenant> [agent id]}, roles among agent, supervisor, admin, platform, comma-separated.
 * Only the token goes to standard output, so that {@code TOKEN=$(./run-local.sh --token supervisor bank-a)} works.
 */
@SuppressWarnings("checkstyle:regexp")
public final class MintToken {

    private static final List<String> ROLES =
            List.of(DevTokens.AGENT, DevTokens.SUPERVISOR, DevTokens.ADMIN, DevTokens.PLATFORM);

    private MintToken() {}

    public static void main(String[] args) {
        List<String> rest =
                List.of(args).stream().filter(a -> !a.equals("--token")).toList();
        Set<String> roles = rest.isEmpty() ? Set.of() : Set.of(rest.get(0).split(","));
        boolean agent = roles.contains(DevTokens.AGENT);
        if (rest.size() < 2 || roles.isEmpty() || !ROLES.containsAll(roles) || (agent && rest.size() < 3)) {
            System.err.println(
                    "usage: --token <agent|supervisor|admin|platform>[,...] <tenant> [agent id (for an agent)]");
            System.exit(2);
        }
        String tenant = rest.get(1);
        String subject = rest.size() > 2 ? rest.get(2) : String.join("-", roles);
        DevTokens tokens = DevTokens.inDirectory(Path.of(".local", "keys").toAbsolutePath());
        System.out.println(tokens.mint(tenant, subject, roles));
    }
}
