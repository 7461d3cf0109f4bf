package dev.alicia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Caps a process's CPU with a cgroup quota, as a Kubernetes CPU limit caps a pod. On a 2-core machine that also
 * runs Kafka, Redis, PostgreSQL and the other services, a second router instance finds no idle core to use, so
 * "two routers do twice the work" can only be shown with each router held to the same share of a core, the
 * shared parts keeping room to spare: that is what a scale-out run with {@code -DrouterCpus=0.4} does. Needs root
 * and the cgroup v1 cpu controller or cgroup v2 with cpu enabled; without them the run says so and goes uncapped.
 */
final class CpuLimit {

    private static final Path V1 = Path.of("/sys/fs/cgroup/cpu");
    private static final Path V2 = Path.of("/sys/fs/cgroup");
    private static final long PERIOD_MICROS = 100_000;

    private CpuLimit() {}

    /** Puts {@code pid} (all its threads) in a cgroup of its own named after it, allowed {@code cpus} cores. */
    static void apply(String name, long pid, double cpus) throws IOException {
        long quota = Math.round(cpus * PERIOD_MICROS);
        String group = "alicia-bench-" + name.replaceAll("[^A-Za-z0-9-]", "-");
        if (Files.isRegularFile(V1.resolve("cpu.cfs_quota_us"))) {
            Path dir = Files.createDirectories(V1.resolve(group));
            Files.writeString(dir.resolve("cpu.cfs_period_us"), String.valueOf(PERIOD_MICROS));
            Files.writeString(dir.resolve("cpu.cfs_quota_us"), String.valueOf(quota));
            Files.writeString(dir.resolve("cgroup.procs"), String.valueOf(pid));
        } else if (Files.isRegularFile(V2.resolve("cgroup.controllers"))
                && Files.readString(V2.resolve("cgroup.controllers")).contains("cpu")) {
            Files.writeString(V2.resolve("cgroup.subtree_control"), "+cpu");
            Path dir = Files.createDirectories(V2.resolve(group));
            Files.writeString(dir.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
            Files.writeString(dir.resolve("cgroup.procs"), String.valueOf(pid));
        } else {
            throw new IOException("no cgroup cpu controller found under " + V2);
        }
    }

    static String describe(double cpus) {
        return String.format(Locale.ROOT, "%.2f", cpus);
    }
}
