package dev.alicia.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the paths the architecture needs are open. */
class NetworkPoliciesTest {

    static final int DNS = 53;
    static final int KAFKA = 9092;
    static final int REDIS = 6379;
    static final int POSTGRES = 5432;
    /** The JWT issuer's JWKS endpoint (HTTPS). */
    static final int HTTPS = 443;

    static final Set<String> ALLOWED_INGRESS_NAMESPACES = Set.of("ingress-nginx", "monitoring");

    static Stream<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void all_traffic_is_denied_unless_a_policy_allows_it(Rendering rendering) {
        assertThat(rendering.all(NetworkPolicy.class)).anySatisfy(policy -> {
            assertThat(Selectors.selectsEverything(policy.getSpec().getPodSelector()))
                    .isTrue();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isEmpty();
            assertThat(policy.getSpec().getEgress()).isEmpty();
        });
        // Whatever selects every pod opens nothing but DNS.
        for (NetworkPolicy policy : rendering.all(NetworkPolicy.class)) {
            if (Selectors.selectsEverything(policy.getSpec().getPodSelector())) {
                assertThat(policy.getSpec().getIngress())
                        .as(policy.getMetadata().getName())
                        .isEmpty();
                assertThat(ports(policy.getSpec().getEgress()))
                        .as(policy.getMetadata().getName())
                        .isSubsetOf(DNS);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void the_services_reach_kafka_redis_postgresql_dns_and_the_jwt_issuer_and_nothing_else(Rendering rendering) {
        Map<String, String> redisPods = rendering
                .one(StatefulSet.class, "redis")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        Map<String, String> kafkaBrokers = Map.of(
                "strimzi.io/cluster",
                rendering.oneCustom("Kafka").getMetadata().getName(),
                "strimzi.io/broker-role",
                "true");
        Map<String, String> postgresPods = Map.of(
                "cnpg.io/cluster", rendering.oneCustom("Cluster").getMetadata().getName());
        for (String service : Rendering.SERVICES) {
            List<NetworkPolicyEgressRule> rules = new ArrayList<>();
            applying(rendering, service).forEach(p -> rules.addAll(p.getSpec().getEgress()));
            assertThat(ports(rules))
                    .as(service + " egress")
                    .containsExactlyInAnyOrder(DNS, KAFKA, REDIS, POSTGRES, HTTPS);
            for (NetworkPolicyEgressRule rule : rules) {
                assertThat(rule.getTo())
                        .as(service + ": an egress rule must name its destination")
                        .isNotEmpty();
                Set<Integer> ports = ports(List.of(rule));
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    // HTTPS goes out of the cluster only for the issuer's keys, in a rule of its own.
                    assertThat(peer.getIpBlock() == null || ports.equals(Set.of(HTTPS)))
                            .as(service + ": only the JWT issuer's HTTPS is reached by address")
                            .isTrue();
                    if (ports.contains(HTTPS)) {
                        assertThat(ports).as(service + " → JWT issuer").containsExactly(HTTPS);
                        assertThat(peer.getPodSelector())
                                .as(service + " → JWT issuer")
                                .isNull();
                    }
                    if (ports.contains(KAFKA)) {
                        assertThat(Selectors.matches(peer.getPodSelector(), kafkaBrokers))
                                .as(service + " → Kafka")
                                .isTrue();
                    }
                    if (ports.contains(REDIS)) {
                        assertThat(Selectors.matches(peer.getPodSelector(), redisPods))
                                .as(service + " → Redis")
                                .isTrue();
                    }
                    if (ports.contains(POSTGRES)) {
                        assertThat(Selectors.matches(peer.getPodSelector(), postgresPods))
                                .as(service + " → PostgreSQL")
                                .isTrue();
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void only_the_ingress_controller_and_prometheus_reach_the_services_and_only_on_8080(Rendering rendering) {
        for (String service : Rendering.SERVICES) {
            List<NetworkPolicyIngressRule> rules = new ArrayList<>();
            applying(rendering, service).forEach(p -> rules.addAll(p.getSpec().getIngress()));
            assertThat(rules).as(service).isNotEmpty();
            for (NetworkPolicyIngressRule rule : rules) {
                assertThat(rule.getPorts())
                        .extracting(p -> p.getPort().getIntVal())
                        .containsExactly(8080);
                assertThat(rule.getFrom())
                        .as(service + ": an ingress rule must name its sources")
                        .isNotEmpty();
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getNamespaceSelector())
                            .as(service + " ingress from another namespace")
                            .isNotNull();
                    assertThat(peer.getNamespaceSelector().getMatchLabels())
                            .as(service)
                            .containsKey("kubernetes.io/metadata.name");
                    assertThat(ALLOWED_INGRESS_NAMESPACES)
                            .contains(
                                    peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void kafka_redis_and_postgresql_let_each_service_in_on_their_port(Rendering rendering) {
        Map<String, String> redisPods = rendering
                .one(StatefulSet.class, "redis")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        Map<String, String> postgresPods = Map.of(
                "cnpg.io/cluster", rendering.oneCustom("Cluster").getMetadata().getName());
        GenericKubernetesResource kafka = rendering.oneCustom("Kafka");
        Map<String, Object> listener = KafkaTest.clientListener(kafka);
        assertThat(((Number) listener.get("port")).intValue()).isEqualTo(KAFKA);
        List<NetworkPolicyPeer> kafkaPeers = Yaml.SERIALIZATION
                .convertValue(Map.of("from", listener.get("networkPolicyPeers")), NetworkPolicyIngressRule.class)
                .getFrom();
        for (String service : Rendering.SERVICES) {
            Map<String, String> pod = rendering
                    .one(Deployment.class, service)
                    .getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getLabels();
            assertThat(admits(rendering, redisPods, pod, REDIS))
                    .as("Redis admits " + service)
                    .isTrue();
            assertThat(admits(rendering, postgresPods, pod, POSTGRES))
                    .as("PostgreSQL admits " + service)
                    .isTrue();
            assertThat(kafkaPeers).as("Kafka's listener admits " + service).anySatisfy(peer -> {
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(Selectors.matches(peer.getPodSelector(), pod)).isTrue();
            });
        }
    }

    /** The policies that select a service's pods. */
    static List<NetworkPolicy> applying(Rendering rendering, String service) {
        Map<String, String> labels = rendering
                .one(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        return rendering.all(NetworkPolicy.class).stream()
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), labels))
                .toList();
    }

    /** True when some policy selecting {@code target} pods lets {@code source} pods (same namespace) in on a port. */
    static boolean admits(Rendering rendering, Map<String, String> target, Map<String, String> source, int port) {
        for (NetworkPolicy policy : rendering.all(NetworkPolicy.class)) {
            if (!Selectors.matches(policy.getSpec().getPodSelector(), target)) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                boolean portOpen =
                        rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port);
                boolean fromSource = rule.getFrom().stream()
                        .anyMatch(peer -> peer.getNamespaceSelector() == null
                                && peer.getIpBlock() == null
                                && Selectors.matches(peer.getPodSelector(), source));
                if (portOpen && fromSource) {
                    return true;
                }
            }
        }
        return false;
    }

    static Set<Integer> ports(List<? extends Object> rules) {
        Set<Integer> ports = new TreeSet<>();
        for (Object rule : rules) {
            List<NetworkPolicyPort> rulePorts = rule instanceof NetworkPolicyEgressRule egress
                    ? egress.getPorts()
                    : ((NetworkPolicyIngressRule) rule).getPorts();
            assertThat(rulePorts).as("a rule must name its ports").isNotEmpty();
            rulePorts.forEach(p -> ports.add(p.getPort().getIntVal()));
        }
        return ports;
    }
}
