package dev.alicia.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM. It is
 * the same Kafka version as the clients the services use, so tests exercise the real protocol.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int port;
    private final int saslPort;
    private final SelfSignedCertificate certificate;
    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(
            Path dataDir,
            boolean deleteOnClose,
            int port,
            int saslPort,
            SelfSignedCertificate certificate,
            KafkaRaftServer server) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        this.saslPort = saslPort;
        this.certificate = certificate;
        this.server = server;
    }

    /**
     * How clients must log in on a second listener, as in production: SASL with SCRAM-SHA-512 for these users
     * (name to password), and, when {@code authorize}, only what ACLs allow them (Kafka's StandardAuthorizer).
     * With {@code tls} the listener is SASL_SSL with a self-signed certificate for 127.0.0.1, which clients trust
     * through {@link #caCertificate()} (a PEM file, like Strimzi's {@code ca.crt}); else SASL_PLAINTEXT.
     * The PLAINTEXT listener stays open as the test's own super-user door (principal {@code User:ANONYMOUS}),
     * to create topics and ACLs; the controller listener stays PLAINTEXT too, as in most KRaft setups.
     */
    public record Scram(Map<String, String> users, boolean authorize, boolean tls) {
        public Scram {
            users = Map.copyOf(users);
        }
    }

    /** Starts a throw-away broker on free ports; its data is deleted on close. */
    public static EmbeddedKafkaBroker startTemporary(int defaultPartitions) {
        return start(Directories.createTemp("alicia-kafka-"), true, FreePorts.reserve(2), defaultPartitions, null);
    }

    /**
     * Starts a throw-away broker that also has a SASL_PLAINTEXT listener with SCRAM-SHA-512
     * ({@link #saslBootstrapServers()}). The users' credentials are written into the cluster metadata when the
     * log is formatted (what {@code kafka-storage format --add-scram} does), so they hold from the first request.
     */
    public static EmbeddedKafkaBroker startTemporaryWithScram(int defaultPartitions, Scram scram) {
        return start(Directories.createTemp("alicia-kafka-"), true, FreePorts.reserve(3), defaultPartitions, scram);
    }

    /** Starts a broker whose log survives restarts in {@code dataDir} (the local run command). */
    public static EmbeddedKafkaBroker startPersistent(Path dataDir, int port, int defaultPartitions) {
        return start(
                Directories.create(dataDir), false, new int[] {port, FreePorts.reserve()}, defaultPartitions, null);
    }

    private static EmbeddedKafkaBroker start(
            Path dir, boolean deleteOnClose, int[] ports, int defaultPartitions, Scram scram) {
        int port = ports[0];
        int controllerPort = ports[1];
        int saslPort = scram == null ? -1 : ports[2];
        Path logDir = dir.resolve("log");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", String.valueOf(defaultPartitions));
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", "100000");
        SelfSignedCertificate certificate = null;
        if (scram != null) {
            certificate = scram.tls() ? SelfSignedCertificate.create(dir, "broker") : null;
            addSaslListener(props, port, saslPort, controllerPort, scram, certificate);
        }

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(dir, props, scram);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaBroker(dir, deleteOnClose, port, saslPort, certificate, server);
    }

    private static void addSaslListener(
            Properties props,
            int port,
            int saslPort,
            int controllerPort,
            Scram scram,
            SelfSignedCertificate certificate) {
        props.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",SASL://127.0.0.1:" + saslPort + ",CONTROLLER://127.0.0.1:"
                        + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL://127.0.0.1:" + saslPort);
        props.put(
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,SASL:" + (certificate == null ? "SASL_PLAINTEXT" : "SASL_SSL")
                        + ",CONTROLLER:PLAINTEXT");
        if (certificate != null) {
            props.put("listener.name.sasl.ssl.keystore.type", "PKCS12");
            props.put(
                    "listener.name.sasl.ssl.keystore.location",
                    certificate.keystore().toString());
            props.put("listener.name.sasl.ssl.keystore.password", certificate.password());
            props.put("listener.name.sasl.ssl.key.password", certificate.password());
        }
        props.put("listener.name.sasl.sasl.enabled.mechanisms", "SCRAM-SHA-512");
        // The broker only verifies SCRAM logins here (it never logs in with SCRAM itself): an empty login module.
        props.put(
                "listener.name.sasl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        if (scram.authorize()) {
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // The PLAINTEXT listeners (inter-broker, controller and the test's own admin) are unauthenticated.
            props.put("super.users", "User:ANONYMOUS");
        }
    }

    private static void format(Path dir, Properties props, Scram scram) {
        Path config = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "embedded broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args =
                new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        if (scram != null) {
            scram.users().forEach((name, password) -> {
                args.add("--add-scram");
                args.add("SCRAM-SHA-512=[name=" + name + ",password=\"" + password + "\"]");
            });
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit =
                StorageTool.execute(args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException(
                    "formatting the Kafka log failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The SASL listener (SCRAM-SHA-512) of a broker started with {@link #startTemporaryWithScram}. */
    public String saslBootstrapServers() {
        if (saslPort < 0) {
            throw new IllegalStateException("this broker was started without a SASL listener");
        }
        return "127.0.0.1:" + saslPort;
    }

    /** The PEM certificate clients trust to reach the SASL_SSL listener (the broker's own, self-signed). */
    public Path caCertificate() {
        if (certificate == null) {
            throw new IllegalStateException("this broker was started without TLS");
        }
        return certificate.certificatePem();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            Directories.deleteRecursively(dataDir);
        }
    }
}
