package dev.alicia.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A real Redis server in a child process: the machine's {@code redis-server} when it has one, else the
 * binary shipped in the {@code com.github.codemonstur:embedded-redis} jar, so a fresh machine needs
 * nothing but a JDK.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final String binary;
    private final int port;
    private final Path workDir;
    private final boolean deleteOnClose;

    private EmbeddedRedisServer(Process process, String binary, int port, Path workDir, boolean deleteOnClose) {
        this.process = process;
        this.binary = binary;
        this.port = port;
        this.workDir = workDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a server on a free port without persistence; its folder is deleted on close. */
    public static EmbeddedRedisServer startTemporary() {
        return startTemporary(List.of());
    }

    /**
     * The same, with more configuration as {@code redis-server} arguments, e.g. ACL users
     * ({@code --user <name> on ><password> ~<pattern> +@all}) and {@code --requirepass} for the default user.
     * A server whose default user has a password answers the start-up PING with NOAUTH, which counts as up.
     */
    public static EmbeddedRedisServer startTemporary(List<String> configuration) {
        Path dir = Directories.createTemp("alicia-redis-");
        List<String> arguments = new ArrayList<>(List.of("--save", "", "--appendonly", "no"));
        arguments.addAll(configuration);
        return start(dir, FreePorts.reserve(), true, arguments);
    }

    /** Starts a server that keeps an append-only file in {@code dataDir} (the local run command). */
    public static EmbeddedRedisServer startPersistent(Path dataDir, int port) {
        Path dir = Directories.create(dataDir);
        return start(dir, port, false, List.of("--save", "", "--appendonly", "yes", "--appendfsync", "everysec"));
    }

    private static EmbeddedRedisServer start(Path dir, int port, boolean deleteOnClose, List<String> persistence) {
        Path binary = locateBinary(dir);
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--protected-mode",
                "no",
                "--daemonize",
                "no"));
        command.addAll(persistence);
        try {
            Process process = launch(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()));
            EmbeddedRedisServer server = new EmbeddedRedisServer(
                    process,
                    binary.startsWith(dir) ? "bundled " + bundledResourceName() : binary.toString(),
                    port,
                    dir,
                    deleteOnClose);
            server.awaitPong();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary, e);
        }
    }

    /**
     * Starts the process, retrying while the freshly extracted binary is "busy": a process forked meanwhile by
     * another thread (PostgreSQL starting in parallel) briefly inherits the descriptor that wrote it (ETXTBSY).
     */
    private static Process launch(ProcessBuilder builder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return builder.start();
            } catch (IOException e) {
                if (attempt >= 50 || e.getMessage() == null || !e.getMessage().contains("error=26")) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static Path locateBinary(Path dir) {
        return onPath("redis-server").orElseGet(() -> extractBundled(dir));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path extractBundled(Path dir) {
        String resource = bundledResourceName();
        Path target = dir.resolve("redis-server");
        try (InputStream in = EmbeddedRedisServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no bundled redis-server for this platform: " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!target.toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make " + target + " executable");
        }
        return target;
    }

    private static String bundledResourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm");
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
    }

    private void awaitPong() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited; see " + workDir.resolve("redis.log"));
            }
            if (ping()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Redis", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Redis did not answer PING within " + STARTUP_TIMEOUT);
    }

    private boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = socket.getInputStream().readNBytes(7);
            String answer = new String(reply, StandardCharsets.US_ASCII);
            return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    /** Which server runs: the machine's or the one bundled in the embedded-redis jar. */
    public String binaryDescription() {
        return binary;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (deleteOnClose) {
            Directories.deleteRecursively(workDir);
        }
    }
}
