package dev.alicia.kit.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * A Lua script run in one round trip with EVALSHA; when the server does not know it yet (a restart, a new
 * node) it is sent once with EVAL, which also caches it. All keys of one call must share a hash tag.
 */
public final class LuaScript {

    private final String source;
    private final String sha1;

    public LuaScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    /** Loads a script shipped as a class-path resource next to the class that runs it. */
    public static LuaScript fromResource(Class<?> owner, String name) {
        return fromResources(owner, name);
    }

    /**
     * Loads a script made of several class-path resources next to the class that runs it, joined in order: the first
     * ones define local functions that the last one calls.
     */
    public static LuaScript fromResources(Class<?> owner, String... names) {
        StringBuilder source = new StringBuilder();
        for (String name : names) {
            try (java.io.InputStream in = owner.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing Lua script " + name + " next to " + owner.getName());
                }
                // A line break between parts, so that a file ending in a comment cannot swallow the next line.
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .append('\n');
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new LuaScript(source.toString());
    }

    public Response run(RedisDataSource redis, List<String> keys, List<String> args) {
        try {
            return redis.execute("EVALSHA", arguments(sha1, keys, args));
        } catch (RuntimeException e) {
            if (e.getMessage() == null || !e.getMessage().contains("NOSCRIPT")) {
                throw e;
            }
            return redis.execute("EVAL", arguments(source, keys, args));
        }
    }

    /** The same, without blocking a thread: for callers that keep many reservations in flight. */
    public Uni<Response> runAsync(ReactiveRedisDataSource redis, List<String> keys, List<String> args) {
        return redis.execute("EVALSHA", arguments(sha1, keys, args))
                .onFailure(e -> e.getMessage() != null && e.getMessage().contains("NOSCRIPT"))
                .recoverWithUni(() -> redis.execute("EVAL", arguments(source, keys, args)));
    }

    private static String[] arguments(String script, List<String> keys, List<String> args) {
        List<String> all = new ArrayList<>(2 + keys.size() + args.size());
        all.add(script);
        all.add(String.valueOf(keys.size()));
        all.addAll(keys);
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
