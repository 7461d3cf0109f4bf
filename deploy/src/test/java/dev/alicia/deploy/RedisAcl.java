package dev.alicia.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The ACL users the Redis StatefulSet defines with {@code --user <name> <rules...>} arguments, read from the
 * rendered container, with where each password comes from.
 */
record RedisAcl(Container container, Map<String, List<String>> users) {

    /** {@code $(VAR)}: Kubernetes substitutes the container's variable there. */
    static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)");

    static RedisAcl of(Rendering rendering) {
        Container redis = WorkloadsTest.container(rendering.one(StatefulSet.class, "redis"), "redis");
        Map<String, List<String>> users = new LinkedHashMap<>();
        List<String> args = redis.getArgs();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--user")) {
                List<String> rules = new ArrayList<>();
                int j = i + 2;
                while (j < args.size() && !args.get(j).startsWith("--")) {
                    rules.add(args.get(j++));
                }
                users.put(args.get(i + 1), List.copyOf(rules));
            }
        }
        return new RedisAcl(redis, users);
    }

    /** A user's key patterns ({@code ~router:*} gives {@code router:*}). */
    List<String> keyPatterns(String user) {
        return users.get(user).stream()
                .filter(r -> r.startsWith("~"))
                .map(r -> r.substring(1))
                .toList();
    }

    /** The rules that set a password ({@code >secret}), as written. */
    List<String> passwordRules(String user) {
        return users.get(user).stream().filter(r -> r.startsWith(">")).toList();
    }

    /** The Secret and key that a {@code >$(VAR)} rule takes the password from, or null if it is not one. */
    SecretKeySelector passwordSecret(String rule) {
        Matcher var = VARIABLE.matcher(rule.substring(1));
        return rule.startsWith(">") && var.matches() ? variableSecret(var.group(1)) : null;
    }

    /** The Secret a container variable comes from, or null if it has a literal value. */
    SecretKeySelector variableSecret(String name) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .map(EnvVar::getValueFrom)
                .map(v -> v.getSecretKeyRef())
                .orElse(null);
    }

    /**
     * The arguments that configure authentication ({@code --requirepass} and the {@code --user} directives), with
     * each {@code $(VAR)} replaced as Kubernetes would, from {@code values} (variable name to value).
     */
    List<String> authenticationArguments(Map<String, String> values) {
        List<String> result = new ArrayList<>();
        List<String> args = container.getArgs();
        boolean inAuth = false;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                inAuth = arg.equals("--user") || arg.equals("--requirepass");
            }
            if (inAuth) {
                Matcher m = VARIABLE.matcher(arg);
                StringBuilder substituted = new StringBuilder();
                while (m.find()) {
                    String value = values.get(m.group(1));
                    if (value == null) {
                        throw new AssertionError("no value for $(" + m.group(1) + ")");
                    }
                    m.appendReplacement(substituted, Matcher.quoteReplacement(value));
                }
                m.appendTail(substituted);
                result.add(substituted.toString());
            }
        }
        return result;
    }
}
