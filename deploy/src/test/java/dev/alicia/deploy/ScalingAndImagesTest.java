package dev.alicia.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The images are this build's, and the router scales within what Kafka's partitions allow. */
class ScalingAndImagesTest {

    static Stream<Rendering> renderings() {
        return Rendering.all();
    }

    static Stream<Rendering> overlays() {
        return Rendering.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void an_overlay_tags_the_services_images_with_the_version_this_build_makes_them_with(Rendering rendering) {
        String version = System.getProperty("alicia.version");
        assertThat(version)
                .as("surefire passes the project's version")
                .isNotBlank()
                .doesNotContain("${");
        for (String service : Rendering.SERVICES) {
            String image = WorkloadsTest.container(rendering.one(Deployment.class, service), service)
                    .getImage();
            assertThat(Kustomize.imageName(image)).as(service).endsWith("/" + service);
            assertThat(Kustomize.imageTag(image)).as(service + " tag").isEqualTo(":" + version);
        }
    }

    @Test
    void the_base_names_each_service_image_without_a_tag_for_the_overlays_to_set() {
        Rendering base = Rendering.of("base");
        for (String service : Rendering.SERVICES) {
            assertThat(WorkloadsTest.container(base.one(Deployment.class, service), service)
                            .getImage())
                    .isEqualTo("alicia/" + service);
        }
    }

    @Test
    void each_service_images_profile_builds_the_image_the_overlays_name_for_the_user_the_pods_run_as()
            throws IOException {
        Path root = Path.of(System.getProperty("alicia.root.dir", ".."));
        Rendering prod = Rendering.of("overlays/prod");
        for (String service : Rendering.SERVICES) {
            String pom = Files.readString(root.resolve(service).resolve("pom.xml"));
            assertThat(pom).as(service).contains("<artifactId>" + service + "</artifactId>");
            String images = pom.substring(pom.indexOf("<id>images</id>"));
            assertThat(images)
                    .as(service + " -Pimages")
                    .contains("<quarkus.container-image.build>true</quarkus.container-image.build>")
                    .contains("<quarkus.container-image.group>alicia</quarkus.container-image.group>")
                    .contains("<quarkus.container-image.name>${project.artifactId}</quarkus.container-image.name>")
                    .contains("<quarkus.container-image.tag>${project.version}</quarkus.container-image.tag>")
                    .contains("<artifactId>quarkus-container-image-jib</artifactId>");
            Long user = prod.one(Deployment.class, service)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getSecurityContext()
                    .getRunAsUser();
            assertThat(images).contains("<quarkus.jib.user>" + user + "</quarkus.jib.user>");
            // Never in the normal build: the extension and the switch live only in the profile.
            assertThat(pom.substring(0, pom.indexOf("<profiles>"))).doesNotContain("container-image");
        }
        assertThat(Files.isExecutable(Rendering.DEPLOY_DIR.resolve("images/docker-load-to-tar")))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void every_image_outside_the_services_is_pinned_to_a_version(Rendering rendering) {
        rendering.podTemplates().forEach((workload, template) -> {
            for (Container container : template.getSpec().getContainers()) {
                if (Rendering.SERVICES.contains(workload) && rendering.isBase()) {
                    continue;
                }
                assertThat(Kustomize.imageTag(container.getImage()))
                        .as(workload)
                        .isNotEmpty()
                        .isNotEqualTo(":latest");
            }
        });
        String postgres = Rendering.field(rendering.oneCustom("Cluster"), "spec", "imageName");
        assertThat(Kustomize.imageTag(postgres)).as("PostgreSQL image").matches(":\\d+\\.\\d+");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void the_router_has_one_autoscaler_that_never_goes_past_the_partitions_of_contacts_inbound(Rendering rendering) {
        int partitions = ((Number)
                        Rendering.field(KafkaTest.topics(rendering).get("contacts.inbound"), "spec", "partitions"))
                .intValue();
        List<HorizontalPodAutoscaler> hpas = rendering.all(HorizontalPodAutoscaler.class);
        List<GenericKubernetesResource> scaledObjects = rendering.custom("ScaledObject");
        assertThat(hpas.size() + scaledObjects.size()).as("autoscalers").isEqualTo(1);
        for (HorizontalPodAutoscaler hpa : hpas) {
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("router-service");
            assertThat(hpa.getSpec().getMinReplicas()).isPositive();
            assertThat(hpa.getSpec().getMaxReplicas())
                    .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas())
                    .isLessThanOrEqualTo(partitions);
        }
        for (GenericKubernetesResource scaled : scaledObjects) {
            assertThat(Rendering.<String>field(scaled, "spec", "scaleTargetRef", "name"))
                    .isEqualTo("router-service");
            int max = ((Number) Rendering.field(scaled, "spec", "maxReplicaCount")).intValue();
            assertThat(max).isLessThanOrEqualTo(partitions);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void an_autoscaled_deployment_leaves_its_replica_count_to_the_autoscaler(Rendering rendering) {
        assertThat(rendering.one(Deployment.class, "router-service").getSpec().getReplicas())
                .isNull();
        for (String service : List.of("agent-presence-service", "context-service")) {
            assertThat(rendering.one(Deployment.class, service).getSpec().getReplicas())
                    .as(service)
                    .isPositive();
        }
    }

    @Test
    void keda_scales_the_router_on_the_lag_of_contacts_inbound_in_group_router_service() {
        Rendering rendering = Rendering.of("overlays/prod-keda");
        assertThat(rendering.all(HorizontalPodAutoscaler.class)).isEmpty();
        GenericKubernetesResource scaled = rendering.oneCustom("ScaledObject");
        List<Map<String, Object>> triggers = Rendering.field(scaled, "spec", "triggers");
        assertThat(triggers).singleElement().satisfies(trigger -> {
            assertThat(trigger).containsEntry("type", "kafka");
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
            assertThat(metadata)
                    .containsEntry("topic", "contacts.inbound")
                    .containsEntry("consumerGroup", "router-service")
                    .containsEntry("sasl", "scram_sha512")
                    .containsEntry("tls", "enable");
            // KEDA's operator runs in its own namespace: it needs the brokers' full name in this overlay's.
            String namespace =
                    rendering.all(Namespace.class).get(0).getMetadata().getName();
            GenericKubernetesResource kafka = rendering.oneCustom("Kafka");
            assertThat(metadata.get("bootstrapServers"))
                    .isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap." + namespace + ".svc:"
                            + KafkaTest.clientListener(kafka).get("port"));
            @SuppressWarnings("unchecked")
            Map<String, Object> auth = (Map<String, Object>) trigger.get("authenticationRef");
            GenericKubernetesResource authentication = rendering.oneCustom("TriggerAuthentication");
            assertThat(auth).containsEntry("name", authentication.getMetadata().getName());
            // The user name comes from the router's container: it must name the KafkaUser whose password KEDA reads.
            List<Map<String, Object>> env = Rendering.field(authentication, "spec", "env");
            String variable = (String) env.get(0).get("name");
            String user = WiringTest.environment(rendering, "router-service").get(variable);
            assertThat(rendering.custom("KafkaUser"))
                    .extracting(u -> u.getMetadata().getName())
                    .contains(user);
            List<Map<String, Object>> secrets = Rendering.field(authentication, "spec", "secretTargetRef");
            assertThat(secrets)
                    .anySatisfy(s ->
                            assertThat(s).containsEntry("parameter", "password").containsEntry("name", user));
        });
        // And the brokers let KEDA's operator in.
        List<Map<String, Object>> peers = Rendering.field(rendering.oneCustom("Kafka"), "spec", "kafka", "listeners");
        assertThat(peers.get(0).get("networkPolicyPeers").toString()).contains("keda");
    }
}
