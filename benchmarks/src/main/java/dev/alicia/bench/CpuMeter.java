package dev.alicia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time spent by each part of the system on this machine: each service, Redis and PostgreSQL read from
 * {@code /proc}; inside the driver's own JVM, the embedded Kafka broker's threads told from the driver's. Two
 * snapshots around a load phase say where the cores went, per contact, which is what decides how far a 2-core
 * machine can go.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuMeter() {}

    /** CPU milliseconds so far, by part: the broker, the driver, each service by name, Redis, PostgreSQL. */
    static Map<String, Long> snapshot() {
        Map<String, Long> byPart = new TreeMap<>();
        ProcessHandle self = ProcessHandle.current();
        long broker = brokerThreadsMillis();
        byPart.put("Kafka broker (in the driver's JVM)", broker);
        byPart.put("driver (desktops, producer)", Math.max(0, cpuMillis(self.pid()) - broker));
        // PostgreSQL's server detaches from its launcher: looked for among all processes, like the descendants.
        java.util.stream.Stream.concat(
                        self.descendants(), ProcessHandle.allProcesses().filter(CpuMeter::isPostgres))
                .distinct()
                .forEach(process -> {
                    String command = process.info().commandLine().orElse("");
                    String part = part(command);
                    if (part != null) {
                        byPart.merge(part, cpuMillis(process.pid()), Long::sum);
                    }
                });
        return byPart;
    }

    /** What each part spent between two snapshots, in milliseconds. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> spent = new LinkedHashMap<>();
        // A process that exited in between (a PostgreSQL backend) takes its time with it: never below zero.
        after.forEach((part, millis) -> spent.put(part, Math.max(0, millis - before.getOrDefault(part, 0L))));
        return spent;
    }

    /** The broker's threads, told from the driver's own (its Kafka clients' threads are the driver's). */
    private static long brokerThreadsMillis() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && isBrokerThread(info.getThreadName())) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1_000_000;
    }

    private static boolean isBrokerThread(String name) {
        boolean client = name.contains("producer-network-thread") || name.contains("heartbeat-thread");
        return !client
                && (name.startsWith("data-plane")
                        || name.startsWith("kafka-")
                        || name.contains("raft")
                        || name.contains("coordinator")
                        || name.contains("controller")
                        || name.contains("broker")
                        || name.startsWith("ExpirationReaper")
                        || name.startsWith("LogDirFailureHandler")
                        || name.contains("ReplicaFetcher")
                        || name.contains("log-cleaner"));
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().orElse("").endsWith("/postgres");
    }

    private static String part(String command) {
        for (String service : new String[] {"router-service", "agent-presence-service", "context-service"}) {
            if (command.contains(service + "/target/quarkus-app")) {
                return service;
            }
        }
        if (command.contains("redis-server")) {
            return "redis";
        }
        return command.contains("postgres") ? "postgresql" : null;
    }

    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Math.round(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
