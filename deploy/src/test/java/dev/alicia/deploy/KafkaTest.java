package dev.alicia.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka as Strimzi will run it: the contract's topics, sized for the brokers there are, and who may use them. */
class KafkaTest {

    static final Path CONTRACT = Path.of(System.getProperty("alicia.contracts.dir", "../docs"), "asyncapi.yaml");

    static Stream<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void there_is_one_topic_per_channel_of_the_asyncapi_contract_and_no_other(Rendering rendering) {
        List<String> topics = topics(rendering).keySet().stream().sorted().toList();
        assertThat(topics).isEqualTo(contractTopics().stream().sorted().toList());
        assertThat(topics).hasSize(rendering.custom("KafkaTopic").size());
        for (GenericKubernetesResource topic : rendering.custom("KafkaTopic")) {
            assertThat(topic.getMetadata().getLabels())
                    .containsEntry(
                            "strimzi.io/cluster",
                            rendering.oneCustom("Kafka").getMetadata().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void topics_have_the_partitions_the_contract_gives_their_environment(Rendering rendering) throws IOException {
        String contract = Files.readString(CONTRACT);
        Matcher counts = Pattern.compile(
                        "Default partition count:\\s+(\\d+)\\s+in\\s+production\\s+\\(deploy/\\),\\s+(\\d+)\\s+in\\s+tests")
                .matcher(contract);
        assertThat(counts.find()).as("the contract states the partition counts").isTrue();
        int expected = Integer.parseInt(rendering.name().equals("overlays/dev") ? counts.group(2) : counts.group(1));
        topics(rendering)
                .forEach((name, topic) -> assertThat(((Number) Rendering.field(topic, "spec", "partitions")).intValue())
                        .as(name)
                        .isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_topic_fits_its_brokers_and_survives_one_of_them_down_when_there_are_several(Rendering rendering) {
        int brokers = brokers(rendering);
        assertThat(brokers).isPositive();
        GenericKubernetesResource kafka = rendering.oneCustom("Kafka");
        Map<String, Object> config = Rendering.field(kafka, "spec", "kafka", "config");
        assertThat(config).containsEntry("auto.create.topics.enable", false);
        assertThat(((Number) config.get("offsets.topic.replication.factor")).intValue())
                .isLessThanOrEqualTo(brokers);
        topics(rendering).forEach((name, topic) -> {
            int replicas = ((Number) Rendering.field(topic, "spec", "replicas")).intValue();
            int minInSync = ((Number) Rendering.field(topic, "spec", "config", "min.insync.replicas")).intValue();
            assertThat(replicas).as(name + " replicas").isLessThanOrEqualTo(brokers);
            if (brokers >= 3) {
                assertThat(replicas).as(name + " replicas").isGreaterThanOrEqualTo(3);
                assertThat(minInSync).as(name + " min.insync.replicas").isEqualTo(replicas - 1);
            } else {
                assertThat(minInSync).as(name + " min.insync.replicas").isEqualTo(1);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_topic_keeps_its_records_for_a_stated_time(Rendering rendering) {
        topics(rendering).forEach((name, topic) -> {
            Object retention = Rendering.field(topic, "spec", "config", "retention.ms");
            assertThat(retention).as(name + " retention.ms").isInstanceOf(Number.class);
            assertThat(((Number) retention).longValue()).as(name).isBetween(3_600_000L, 90L * 24 * 3_600_000L);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void kafka_runs_in_kraft_mode_with_an_odd_quorum_of_controllers(Rendering rendering) {
        int controllers = rendering.custom("KafkaNodePool").stream()
                .filter(p -> roles(p).contains("controller"))
                .mapToInt(p -> ((Number) Rendering.field(p, "spec", "replicas")).intValue())
                .sum();
        assertThat(controllers % 2).as("controllers").isEqualTo(1);
        for (GenericKubernetesResource pool : rendering.custom("KafkaNodePool")) {
            assertThat(pool.getMetadata().getLabels())
                    .containsEntry(
                            "strimzi.io/cluster",
                            rendering.oneCustom("Kafka").getMetadata().getName());
            assertThat((String) Rendering.field(pool, "spec", "storage", "type"))
                    .isEqualTo("persistent-claim");
        }
        assertThat((Object) Rendering.field(rendering.oneCustom("Kafka"), "spec", "zookeeper"))
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_acl_names_a_topic_that_exists(Rendering rendering) {
        Set<String> topics = topics(rendering).keySet();
        for (GenericKubernetesResource user : rendering.custom("KafkaUser")) {
            for (Map<String, Object> acl : acls(user)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                if (resource.get("type").equals("topic")) {
                    assertThat(resource.get("patternType")).isEqualTo("literal");
                    assertThat(topics).as(user.getMetadata().getName()).contains((String) resource.get("name"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_consumer_the_contract_names_may_read_its_topic_in_its_group(Rendering rendering) {
        Map<String, Map<String, String>> consumers = contractConsumers();
        assertThat(consumers).containsOnlyKeys(Rendering.SERVICES);
        consumers.forEach((service, groupByTopic) -> {
            GenericKubernetesResource user = rendering.custom("KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(service))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaUser for " + service));
            assertThat(Rendering.<String>field(user, "spec", "authentication", "type"))
                    .isEqualTo("scram-sha-512");
            groupByTopic.forEach((topic, group) -> {
                assertThat(allowed(user, "topic", topic))
                        .as(service + " reads " + topic)
                        .contains("Read");
                assertThat(allowed(user, "group", group))
                        .as(service + " joins its group " + group)
                        .contains("Read");
            });
        });
    }

    /** The topic names of the contract: the address of every channel. */
    @SuppressWarnings("unchecked")
    static Set<String> contractTopics() {
        Map<String, Object> channels =
                (Map<String, Object>) Yaml.document(CONTRACT).get("channels");
        assertThat(channels).isNotEmpty();
        return channels.values().stream()
                .map(c -> (String) ((Map<String, Object>) c).get("address"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Consumer group to the topics it reads, from the contract's receive operations ("(group `x`)"). */
    @SuppressWarnings("unchecked")
    /** Per consuming service, the topics it reads and the consumer group it reads each in. */
    static Map<String, Map<String, String>> contractConsumers() {
        Map<String, Object> contract = Yaml.document(CONTRACT);
        Map<String, Object> channels = (Map<String, Object>) contract.get("channels");
        Map<String, Map<String, String>> consumers = new LinkedHashMap<>();
        Pattern group = Pattern.compile("([a-z-]+) \\(group `([a-z-]+)`\\)");
        for (Object value : ((Map<String, Object>) contract.get("operations")).values()) {
            Map<String, Object> operation = (Map<String, Object>) value;
            if (!"receive".equals(operation.get("action"))) {
                continue;
            }
            String ref = (String) ((Map<String, Object>) operation.get("channel")).get("$ref");
            String address = (String)
                    ((Map<String, Object>) channels.get(ref.substring(ref.lastIndexOf('/') + 1))).get("address");
            Matcher matcher = group.matcher(String.valueOf(operation.get("summary")));
            assertThat(matcher.find()).as("the consumer group of " + ref).isTrue();
            consumers
                    .computeIfAbsent(matcher.group(1), service -> new LinkedHashMap<>())
                    .put(address, matcher.group(2));
        }
        return consumers;
    }

    static Map<String, GenericKubernetesResource> topics(Rendering rendering) {
        Map<String, GenericKubernetesResource> topics = new LinkedHashMap<>();
        for (GenericKubernetesResource topic : rendering.custom("KafkaTopic")) {
            String name = Rendering.field(topic, "spec", "topicName");
            topics.put(name != null ? name : topic.getMetadata().getName(), topic);
        }
        return topics;
    }

    static int brokers(Rendering rendering) {
        return rendering.custom("KafkaNodePool").stream()
                .filter(p -> roles(p).contains("broker"))
                .mapToInt(p -> ((Number) Rendering.field(p, "spec", "replicas")).intValue())
                .sum();
    }

    /** The listener clients use: TLS with SCRAM-SHA-512 (the only one). */
    static Map<String, Object> clientListener(GenericKubernetesResource kafka) {
        List<Map<String, Object>> listeners = Rendering.field(kafka, "spec", "kafka", "listeners");
        assertThat(listeners).hasSize(1);
        Map<String, Object> listener = listeners.get(0);
        assertThat(listener.get("authentication")).isEqualTo(Map.of("type", "scram-sha-512"));
        return listener;
    }

    private static List<String> roles(GenericKubernetesResource pool) {
        return Rendering.field(pool, "spec", "roles");
    }

    static List<Map<String, Object>> acls(GenericKubernetesResource user) {
        List<Map<String, Object>> acls = Rendering.field(user, "spec", "authorization", "acls");
        assertThat(acls).as(user.getMetadata().getName() + " ACLs").isNotEmpty();
        return acls;
    }

    /** The operations a user's ACLs allow on one resource (literal names, or prefixes that cover it). */
    @SuppressWarnings("unchecked")
    static Set<String> allowed(GenericKubernetesResource user, String type, String name) {
        Set<String> operations = new LinkedHashSet<>();
        for (Map<String, Object> acl : acls(user)) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            String pattern = (String) resource.getOrDefault("patternType", "literal");
            String resourceName = (String) resource.get("name");
            boolean covers = pattern.equals("prefix") ? name.startsWith(resourceName) : name.equals(resourceName);
            if (resource.get("type").equals(type) && covers) {
                operations.addAll((List<String>) acl.get("operations"));
            }
        }
        return operations;
    }
}
