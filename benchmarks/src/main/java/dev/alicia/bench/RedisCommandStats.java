package dev.alicia.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Redis's own count of the commands it ran ({@code INFO commandstats}), read over a bare socket: two snapshots
 * around a load phase say how many round trips a contact cost and how long Redis spent in each kind - which tells
 * "more calls" (retries, conflicts) from "heavier calls" (scripts scanning further) when a figure moves.
 */
final class RedisCommandStats {

    /** Calls and microseconds per command name. */
    record Stat(long calls, long micros) {}

    private RedisCommandStats() {}

    static Map<String, Stat> snapshot(String redisUri) {
        URI uri = URI.create(redisUri);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("*2\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String header = line(in);
            int length = Integer.parseInt(header.substring(1));
            byte[] body = in.readNBytes(length);
            Map<String, Stat> stats = new TreeMap<>();
            for (String row : new String(body, StandardCharsets.UTF_8).split("\r\n")) {
                if (!row.startsWith("cmdstat_")) {
                    continue;
                }
                String name = row.substring("cmdstat_".length(), row.indexOf(':'));
                long calls = 0;
                long micros = 0;
                for (String field : row.substring(row.indexOf(':') + 1).split(",")) {
                    if (field.startsWith("calls=")) {
                        calls = Long.parseLong(field.substring(6));
                    } else if (field.startsWith("usec=")) {
                        micros = Long.parseLong(field.substring(5));
                    }
                }
                stats.put(name, new Stat(calls, micros));
            }
            return stats;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Per contact, between two snapshots: "evalsha 9.1 calls (31 µs each), hget 4.0 calls (2 µs each), ...". */
    static String perContact(Map<String, Stat> before, Map<String, Stat> after, long contacts) {
        StringBuilder text = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(
                        e.getKey(),
                        new Stat(
                                e.getValue().calls()
                                        - before.getOrDefault(e.getKey(), new Stat(0, 0))
                                                .calls(),
                                e.getValue().micros()
                                        - before.getOrDefault(e.getKey(), new Stat(0, 0))
                                                .micros())))
                .filter(e -> e.getValue().calls() > 0)
                .sorted((a, b) ->
                        Long.compare(b.getValue().micros(), a.getValue().micros()))
                .forEach(e -> text.append(text.isEmpty() ? "" : ", ")
                        .append(String.format(
                                Locale.ROOT,
                                "%s %.1f calls (%.0f µs each)",
                                e.getKey(),
                                e.getValue().calls() / (double) Math.max(1, contacts),
                                e.getValue().micros() / (double) e.getValue().calls())));
        return text.toString();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\r') {
            line.append((char) c);
        }
        in.read(); // '\n'
        return line.toString();
    }
}
