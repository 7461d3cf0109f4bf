package dev.alicia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one benchmark's section into docs/benchmarks.md, between its markers, leaving the others alone. */
final class BenchmarkReport {

    private BenchmarkReport() {}

    /** Where and when a run was measured, for the first line of its section. */
    static String machine(dev.alicia.infra.EmbeddedRedisServer server) {
        return java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + server.binaryDescription() + ", Redis and the driver on the same machine. ";
    }

    static void write(Path file, String name, String section) throws IOException {
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String block = start + "\n" + section.strip() + "\n" + end;
        String text = Files.exists(file)
                ? Files.readString(file, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nEach section is written by `benchmarks/run.sh <name>`; rerun it to refresh.\n";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + block + text.substring(to + end.length())
                : text.stripTrailing() + "\n\n" + block + "\n";
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
