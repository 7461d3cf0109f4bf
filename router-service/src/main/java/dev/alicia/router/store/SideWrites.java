package dev.alicia.router.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.alicia.kit.redis.LuaScript;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;

/**
 * Writes that go with a change of a contact (a queue's statistics counters, the agent's run of distressed
 * contacts), sent in the change's own script call: one round trip instead of one each, and applied only if the
 * change is (a redelivered contact is not counted twice). Keys must share the tenant's tag, as every key of the
 * script does; {@code side-writes.lua} applies them.
 */
public final class SideWrites {

    public static final SideWrites NONE = new SideWrites(List.of());

    private record Write(String key, String command, String first, String second) {}

    private final List<Write> writes;

    private SideWrites(List<Write> writes) {
        this.writes = writes;
    }

    public SideWrites and(SideWrites more) {
        if (more.writes.isEmpty()) {
            return this;
        }
        List<Write> all = new ArrayList<>(writes);
        all.addAll(more.writes);
        return new SideWrites(List.copyOf(all));
    }

    static SideWrites hset(String key, String field, String value) {
        return new SideWrites(List.of(new Write(key, "HSET", field, value)));
    }

    /** Adds each amount to its field of the hash, which is then kept for {@code keepSeconds}. */
    static SideWrites counters(String key, Map<String, Long> amounts, long keepSeconds) {
        List<Write> writes = new ArrayList<>(amounts.size() + 1);
        amounts.forEach((field, amount) -> writes.add(new Write(key, "HINCRBY", field, String.valueOf(amount))));
        writes.add(new Write(key, "EXPIRE", String.valueOf(keepSeconds), ""));
        return new SideWrites(List.copyOf(writes));
    }

    /** Runs a script that takes side writes after its own {@code keys} and {@code args}, with these. */
    Response runWith(LuaScript script, RedisDataSource redis, List<String> keys, List<String> args) {
        List<String> allKeys = new ArrayList<>(keys);
        List<String> allArgs = new ArrayList<>(args);
        appendTo(allKeys, allArgs);
        return script.run(redis, allKeys, allArgs);
    }

    /** Appends the writes to a script call's keys and arguments, as {@code side_writes} reads them. */
    void appendTo(List<String> keys, List<String> args) {
        int first = keys.size();
        for (Write write : writes) {
            int index = keys.subList(first, keys.size()).indexOf(write.key());
            if (index < 0) {
                index = keys.size() - first;
                keys.add(write.key());
            }
            args.add(String.valueOf(index));
            args.add(write.command());
            args.add(write.first());
            args.add(write.second());
        }
    }
}
