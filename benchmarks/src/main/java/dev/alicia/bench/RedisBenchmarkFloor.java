package dev.alicia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical floor: redis-benchmark's own PING and EVALSHA figures against the same server, measured in
 * the same run as our numbers. Absent when the machine has no redis-benchmark.
 */
final class RedisBenchmarkFloor {

    /** One redis-benchmark result: throughput and latency percentiles in milliseconds. */
    record Figures(String command, double requestsPerSecond, double p50Millis, double p99Millis) {}

    private static final Pattern THROUGHPUT = Pattern.compile("throughput summary: ([0-9.]+) requests per second");
    private static final Pattern LATENCY = Pattern.compile(
            "avg\\s+min\\s+p50\\s+p95\\s+p99\\s+max\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)");

    private RedisBenchmarkFloor() {}

    static Optional<Path> binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-benchmark");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The floor as a markdown table, introduced, for a benchmark's section. */
    static String table(List<Figures> floor) {
        StringBuilder md = new StringBuilder();
        md.append("\nThe floor, measured by `redis-benchmark` against the same server in the same run:\n\n");
        md.append("| redis-benchmark | requests/s | p50 | p99 |\n|---|---|---|---|\n");
        for (Figures figures : floor) {
            md.append(String.format(
                    java.util.Locale.ROOT,
                    "| %s | %,.0f | %.3f ms | %.3f ms |%n",
                    figures.command(),
                    figures.requestsPerSecond(),
                    figures.p50Millis(),
                    figures.p99Millis()));
        }
        return md.toString();
    }

    static Figures run(Path binary, int port, int clients, int requests, String label, String... command)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(
                binary.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-c",
                String.valueOf(clients),
                "-n",
                String.valueOf(requests)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher throughput = THROUGHPUT.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (!throughput.find() || !latency.find()) {
            throw new IllegalStateException("unexpected redis-benchmark output:\n" + output);
        }
        return new Figures(
                label,
                Double.parseDouble(throughput.group(1)),
                Double.parseDouble(latency.group(3)),
                Double.parseDouble(latency.group(5)));
    }
}
