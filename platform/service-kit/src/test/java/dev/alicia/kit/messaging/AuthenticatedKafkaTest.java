package dev.alicia.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alicia.infra.EmbeddedKafkaBroker;
import dev.alicia.infra.SelfSignedCertificate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The services' Kafka clients against a broker that, as in production, only lets in SCRAM-SHA-512 logins. The
 * clients get their settings exactly as a pod does: environment variables (those the Deployments set, from the
 * ConfigMap and Strimzi's Secret) read by SmallRye Config with the kit's {@code microprofile-config.properties},
 * turned into the {@code default-kafka-broker} map by Quarkus's own producer, then handed to {@link EventPublisher}
 * and {@link ConsumerLoops}. The listener is SASL_SSL, its certificate trusted as a PEM file as Strimzi's
 * {@code ca.crt} is.
 */
class AuthenticatedKafkaTest {

    private static final String USER = "router-service";
    private static final String PASSWORD = "s3cret-" + UUID.randomUUID();

    private static EmbeddedKafkaBroker broker;
    private static Path otherCa;

    @TempDir
    static Path certificates;

    record Greeting(@NotBlank String text) {}

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporaryWithScram(
                2, new EmbeddedKafkaBroker.Scram(Map.of(USER, PASSWORD), false, true));
        otherCa = SelfSignedCertificate.create(certificates, "other-ca").certificatePem();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void the_environment_of_a_pod_reaches_every_kafka_client_as_kafka_settings() {
        Map<String, Object> settings = kafkaSettingsFromEnvironment(PASSWORD, broker.caCertificate());

        assertThat(KafkaSettings.clientOnly(settings))
                .containsEntry("bootstrap.servers", broker.saslBootstrapServers())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", jaas(USER, PASSWORD))
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", broker.caCertificate().toString());
    }

    @Test
    void a_service_with_its_scram_password_publishes_consumes_and_dead_letters_over_tls() {
        String topic = "secured-" + UUID.randomUUID();
        Map<String, Object> settings = kafkaSettingsFromEnvironment(PASSWORD, broker.caCertificate());
        EventPublisher publisher = new EventPublisher(settings, new ObjectMapper());
        ConsumerLoops loops = consumerLoops(settings, publisher);
        try {
            List<String> received = new CopyOnWriteArrayList<>();
            loops.start(
                    topic,
                    "secured-group",
                    Greeting.class,
                    record -> received.add(record.value().text()));

            publisher.publishAndWait(topic, "k1", new Greeting("bonjour"));
            // Not a Greeting: the loop's dead-letter producer must get through too.
            publisher.publishAndWait(topic, "k2", "not a greeting");

            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("bonjour"));
            assertThat(readOne(settings, DeadLetters.topicFor(topic))).isEqualTo("\"not a greeting\"");
            assertThat(new ConsumerLoopsHealthCheck(loops).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        } finally {
            loops.stopAll();
            publisher.close();
        }
    }

    @Test
    void a_service_with_the_wrong_scram_password_is_refused_by_the_broker() {
        Map<String, Object> settings = kafkaSettingsFromEnvironment("not-" + PASSWORD, broker.caCertificate());
        EventPublisher publisher = new EventPublisher(settings, new ObjectMapper());
        try {
            assertThatThrownBy(() -> publisher.publishAndWait("secured-refused", "k", new Greeting("hello")))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        } finally {
            publisher.close();
        }
    }

    @Test
    void a_service_that_does_not_trust_the_brokers_certificate_never_sends_its_password() {
        Map<String, Object> settings = kafkaSettingsFromEnvironment(PASSWORD, otherCa);
        EventPublisher publisher = new EventPublisher(settings, new ObjectMapper());
        try {
            assertThatThrownBy(() -> publisher.publishAndWait("secured-refused", "k", new Greeting("hello")))
                    .hasRootCauseInstanceOf(CertPathBuilderException.class)
                    .hasCauseInstanceOf(SslAuthenticationException.class);
        } finally {
            publisher.close();
        }
    }

    @Test
    void a_consumer_loop_with_the_wrong_scram_password_stops_and_the_service_is_not_ready() {
        Map<String, Object> settings = kafkaSettingsFromEnvironment("not-" + PASSWORD, broker.caCertificate());
        EventPublisher publisher = new EventPublisher(settings, new ObjectMapper());
        ConsumerLoops loops = consumerLoops(settings, publisher);
        try {
            ConsumerLoop<Greeting> loop = loops.start("secured-refused", "refused-group", Greeting.class, r -> {});
            await().atMost(Duration.ofSeconds(20)).until(() -> !loop.healthy());
            assertThat(new ConsumerLoopsHealthCheck(loops).call().getStatus())
                    .isEqualTo(HealthCheckResponse.Status.DOWN);
        } finally {
            loops.stopAll();
            publisher.close();
        }
    }

    /**
     * What a pod's container sees: the variables of deploy/k8s (ConfigMap and Strimzi's Secret), with the test
     * broker's address. Nothing else names Kafka's security, so this is all production relies on.
     */
    private static Map<String, Object> kafkaSettingsFromEnvironment(String password, Path trustedCa) {
        Map<String, String> env = Map.of(
                "ALICIA_KAFKA_BOOTSTRAP",
                broker.saslBootstrapServers(),
                "KAFKA_SECURITY_PROTOCOL",
                "SASL_SSL",
                "KAFKA_SASL_MECHANISM",
                "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG",
                jaas(USER, password),
                "KAFKA_SSL_TRUSTSTORE_TYPE",
                "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION",
                trustedCa.toString());
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                // The kit's META-INF/microprofile-config.properties (kafka.bootstrap.servers=${ALICIA_KAFKA_BOOTSTRAP})
                .addDefaultSources()
                // above the machine's own environment, at the environment's level
                .withSources(new EnvConfigSource(env, 301))
                .build();
        ApplicationConfig application = new ApplicationConfig() {
            @Override
            public Optional<String> name() {
                return Optional.of("service-kit-test");
            }

            @Override
            public Optional<String> version() {
                return Optional.empty();
            }

            @Override
            public Optional<String> uiHeader() {
                return Optional.empty();
            }
        };
        return new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, application);
    }

    /** The value Strimzi's User Operator writes under {@code sasl.jaas.config}. */
    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    private static ConsumerLoops consumerLoops(Map<String, Object> settings, EventPublisher publisher) {
        Validator validator = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        return new ConsumerLoops(
                settings, new ObjectMapper(), validator, publisher, new LoopConfig(), new SimpleMeterRegistry());
    }

    /** The first record of a topic, read by a plain consumer built from the same settings. */
    private static String readOne(Map<String, Object> settings, String topic) {
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientOnly(settings));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                return !values.isEmpty();
            });
            return values.get(0);
        }
    }

    /** The kit's defaults, shortened so that a refused consumer is seen at once. */
    private record LoopConfig() implements KafkaLoopConfig {
        @Override
        public Duration pollTimeout() {
            return Duration.ofMillis(100);
        }

        @Override
        public int maxPollRecords() {
            return 500;
        }

        @Override
        public Duration retryInitialBackoff() {
            return Duration.ofMillis(50);
        }

        @Override
        public Duration retryMaxBackoff() {
            return Duration.ofSeconds(1);
        }
    }
}
