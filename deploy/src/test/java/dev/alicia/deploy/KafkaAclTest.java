package dev.alicia.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import dev.alicia.infra.EmbeddedKafkaBroker;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The KafkaUsers of the production manifests on a real broker that, like Strimzi's listener, takes only
 * SCRAM-SHA-512 over TLS and authorizes with ACLs: each user gets a throw-away password and exactly the ACLs its
 * KafkaUser declares; each service connects with its Deployment's own {@code KAFKA_*} settings (its ConfigMap, and
 * the JAAS line Strimzi's Secret would hold), trusting the broker's certificate as a PEM file as the pods trust
 * {@code ca.crt}.
 */
class KafkaAclTest {

    private static final Rendering PROD = Rendering.of("overlays/prod");
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBrokerWithTheManifestsUsersAndAcls() throws Exception {
        for (GenericKubernetesResource user : PROD.custom("KafkaUser")) {
            PASSWORDS.put(user.getMetadata().getName(), UUID.randomUUID().toString());
        }
        broker = EmbeddedKafkaBroker.startTemporaryWithScram(1, new EmbeddedKafkaBroker.Scram(PASSWORDS, true, true));
        // Through the PLAINTEXT listener, the test's super-user door: what Strimzi's operators do.
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<NewTopic> topics = KafkaTest.topics(PROD).keySet().stream()
                    .map(t -> new NewTopic(t, 1, (short) 1))
                    .toList();
            admin.createTopics(topics).all().get();
            List<AclBinding> acls = new ArrayList<>();
            for (GenericKubernetesResource user : PROD.custom("KafkaUser")) {
                acls.addAll(bindings(user));
            }
            admin.createAcls(acls).all().get();
            // The broker authorizes from its own copy of the metadata: wait until it has every ACL.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (admin.describeAcls(AclBindingFilter.ANY).values().get().size() < acls.size()) {
                assertThat(System.nanoTime()).as("ACLs visible on the broker").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    static List<String> users() {
        return PROD.custom("KafkaUser").stream()
                .map(u -> u.getMetadata().getName())
                .toList();
    }

    static List<String> services() {
        return Rendering.SERVICES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void each_user_writes_exactly_the_topics_its_kafka_user_gives_it_with_the_services_idempotent_producer(
            String user) {
        GenericKubernetesResource kafkaUser = kafkaUser(user);
        Map<String, Object> config = new HashMap<>(clientSettings(user));
        // As the services' EventPublisher: acks=all and idempotence, which needs the broker's say-so too.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        int written = 0;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String topic : KafkaTest.topics(PROD).keySet()) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, "k", user);
                if (KafkaTest.allowed(kafkaUser, "topic", topic).contains("Write")) {
                    assertThat(send(producer, record))
                            .as(user + " writes " + topic)
                            .isNull();
                    written++;
                } else {
                    assertThat(send(producer, record))
                            .as(user + " writes " + topic)
                            .isInstanceOf(TopicAuthorizationException.class);
                }
            }
        }
        assertThat(written).as(user + " writes something").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void each_service_reads_the_topics_the_contract_gives_it_in_its_group_and_no_other(String service) {
        Map<String, String> groupByTopic = KafkaTest.contractConsumers().get(service);
        assertThat(groupByTopic).as(service + " consumes").isNotEmpty();
        groupByTopic.forEach((topic, group) -> {
            try (KafkaConsumer<String, String> consumer = consumer(service, group)) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (consumer.assignment().isEmpty()) {
                    assertThat(System.nanoTime())
                            .as(service + " joins " + group)
                            .isLessThan(deadline);
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.commitSync();
                assertThat(consumer.assignment())
                        .as(service + " reads " + topic)
                        .isNotEmpty();
            }
        });
        // A topic its KafkaUser does not let it read: the broker says so at the first poll.
        String forbidden = KafkaTest.topics(PROD).keySet().stream()
                .filter(t -> !KafkaTest.allowed(kafkaUser(service), "topic", t).contains("Read"))
                .findFirst()
                .orElseThrow();
        String group = groupByTopic.values().iterator().next();
        try (KafkaConsumer<String, String> consumer = consumer(service, group)) {
            consumer.subscribe(List.of(forbidden));
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 200; i++) {
                            consumer.poll(Duration.ofMillis(100));
                        }
                    })
                    .as(service + " reads " + forbidden)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /**
     * A service's Kafka client settings as its pod gets them: the {@code KAFKA_*} variables of its Deployment
     * (Quarkus's naming: {@code KAFKA_SASL_MECHANISM} is {@code sasl.mechanism}), with the JAAS line Strimzi writes
     * and the test broker's certificate instead of the mounted {@code ca.crt}. The channel adapters' user, which
     * has no Deployment here, gets the router's settings with its own login.
     */
    private static Map<String, Object> clientSettings(String user) {
        String deployment = Rendering.SERVICES.contains(user) ? user : "router-service";
        Map<String, Object> config = new HashMap<>();
        WiringTest.environment(PROD, deployment).forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                config.put(
                        name.substring("KAFKA_".length())
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '.'),
                        value);
            }
        });
        assertThat(config).containsKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config");
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                        + PASSWORDS.get(user) + "\";");
        config.put("ssl.truststore.location", broker.caCertificate().toString());
        config.put("bootstrap.servers", broker.saslBootstrapServers());
        return config;
    }

    private static KafkaConsumer<String, String> consumer(String service, String group) {
        Map<String, Object> config = new HashMap<>(clientSettings(service));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** The ACLs Strimzi's User Operator makes from a KafkaUser's {@code spec.authorization.acls}. */
    @SuppressWarnings("unchecked")
    private static List<AclBinding> bindings(GenericKubernetesResource user) {
        List<AclBinding> bindings = new ArrayList<>();
        String principal = "User:" + user.getMetadata().getName();
        for (Map<String, Object> acl : KafkaTest.acls(user)) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            ResourceType type = ResourceType.fromString((String) resource.get("type"));
            PatternType pattern =
                    "prefix".equals(resource.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL;
            for (String operation : (List<String>) acl.get("operations")) {
                bindings.add(new AclBinding(
                        new ResourcePattern(type, (String) resource.get("name"), pattern),
                        new AccessControlEntry(
                                principal, "*", AclOperation.fromString(operation), AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    private static GenericKubernetesResource kafkaUser(String name) {
        return PROD.custom("KafkaUser").stream()
                .filter(u -> u.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Null when the broker has the record, else why not. */
    private static Throwable send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
