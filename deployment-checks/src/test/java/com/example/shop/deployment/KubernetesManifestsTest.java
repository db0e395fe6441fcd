package com.example.shop.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/: the base and every overlay render with kustomize, every rendered object is valid
 * for its kind, the workloads are wired together (selectors, ports, routes), and prod
 * runs replicated infrastructure. Rendering needs {@code kubectl} or {@code kustomize} on
 * the PATH; without either these tests fail and say so.
 */
class KubernetesManifestsTest {

	static Stream<String> kustomizations() {
		return Stream.concat(Stream.of("k8s/base"), Kustomize.OVERLAYS.stream());
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void everyRenderedObjectIsValidForItsKind(String kustomization) {
		List<JsonNode> objects = Kustomize.render(kustomization);
		assertThat(objects).as("objects rendered from %s", kustomization).isNotEmpty();
		List<String> violations = new ArrayList<>();
		for (JsonNode object : objects) {
			KubernetesSchemas.violations(object)
				.forEach((violation) -> violations
					.add(object.path("kind").asText() + " " + Kustomize.nameOf(object) + ": " + violation));
		}
		assertThat(violations).as("schema violations in %s", kustomization).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void everyWorkloadSelectsItsOwnPodsAndEveryServiceSelectsAWorkload(String kustomization) {
		List<JsonNode> objects = Kustomize.render(kustomization);
		List<JsonNode> podTemplates = new ArrayList<>();
		for (String kind : List.of("Deployment", "StatefulSet")) {
			for (JsonNode workload : Kustomize.ofKind(objects, kind)) {
				JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
				workload.path("spec")
					.path("selector")
					.path("matchLabels")
					.properties()
					.forEach((e) -> assertThat(labels.path(e.getKey()).asText(null))
						.as("%s %s: pod label %s of its selector", kind, Kustomize.nameOf(workload), e.getKey())
						.isEqualTo(e.getValue().asText()));
				podTemplates.add(workload.path("spec").path("template"));
			}
		}
		for (JsonNode service : Kustomize.ofKind(objects, "Service")) {
			assertThat(podTemplates.stream()
				.anyMatch((pod) -> !KubernetesDeployment
					.servicesSelecting(List.of(service), pod.path("metadata").path("labels"))
					.isEmpty()))
				.as("Service %s selects the pods of a workload", Kustomize.nameOf(service))
				.isTrue();
		}
		for (String kind : List.of("PodDisruptionBudget", "NetworkPolicy")) {
			for (JsonNode policy : Kustomize.ofKind(objects, kind)) {
				JsonNode selector = policy.path("spec")
					.path(kind.equals("NetworkPolicy") ? "podSelector" : "selector")
					.path("matchLabels");
				assertThat(selector.isEmpty()).as("%s %s selects pods by label", kind, Kustomize.nameOf(policy))
					.isFalse();
			}
		}
		// a rule naming an application's pods (app.kubernetes.io/name) names pods that
		// run
		// here: prod has no demo issuer. Infrastructure pods may come from an operator.
		for (JsonNode policy : Kustomize.ofKind(objects, "NetworkPolicy")) {
			for (String direction : List.of("ingress", "egress")) {
				for (JsonNode rule : policy.path("spec").path(direction)) {
					for (JsonNode peer : rule.path(direction.equals("ingress") ? "from" : "to")) {
						JsonNode pods = peer.path("podSelector").path("matchLabels");
						if (!pods.has("app.kubernetes.io/name") || peer.has("namespaceSelector")) {
							continue;
						}
						assertThat(podTemplates)
							.as("%s of NetworkPolicy %s names pods that run: %s", direction, Kustomize.nameOf(policy),
									pods)
							.anyMatch((pod) -> pods.properties()
								.stream()
								.allMatch((label) -> label.getValue()
									.asText()
									.equals(pod.path("metadata").path("labels").path(label.getKey()).asText(null))));
					}
				}
			}
		}
	}

	/**
	 * The services a rendering runs: all of them, but the issuer where it uses an OpenID
	 * Connect provider of its own (prod).
	 */
	static List<ServiceConfiguration> servicesIn(List<JsonNode> objects) {
		List<String> deployments = Kustomize.ofKind(objects, "Deployment")
			.stream()
			.map((deployment) -> deployment.path("metadata").path("name").asText())
			.toList();
		return ServiceConfiguration.all()
			.stream()
			.filter((service) -> !service.isIssuer() || deployments.contains(service.name()))
			.toList();
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void everyServiceIsProbedScaledAndBoundedLikeTheOthers(String kustomization) {
		List<JsonNode> objects = Kustomize.render(kustomization);
		for (ServiceConfiguration service : servicesIn(objects)) {
			JsonNode deployment = Kustomize.named(objects, "Deployment", service.name());
			JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
			// under the context path of a service that has one (the console's /console)
			String contextPath = Kustomize.ofKind(objects, "ConfigMap")
				.stream()
				.filter((map) -> map.path("metadata").path("name").asText().startsWith(service.name() + "-")
						|| map.path("metadata").path("name").asText().equals(service.name()))
				.map((map) -> map.path("data").path("SERVER_SERVLET_CONTEXTPATH").asText(""))
				.filter((path) -> !path.isEmpty())
				.findFirst()
				.orElse("");
			assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
				.as("%s liveness probe", service.name())
				.isEqualTo(contextPath + "/livez");
			assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
				.as("%s readiness probe", service.name())
				.isEqualTo(contextPath + "/readyz");
			for (String bound : List.of("requests", "limits")) {
				assertThat(container.path("resources").path(bound).path("memory").asText())
					.as("%s memory %s", service.name(), bound)
					.isNotEmpty();
			}
			assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
				.as("%s read-only root file system", service.name())
				.isTrue();
			assertThat(deployment.path("spec")
				.path("template")
				.path("spec")
				.path("securityContext")
				.path("runAsNonRoot")
				.asBoolean()).as("%s runs as non-root", service.name()).isTrue();
			JsonNode autoscaler = Kustomize.named(objects, "HorizontalPodAutoscaler", service.name());
			assertThat(autoscaler.path("spec").path("scaleTargetRef").path("name").asText())
				.as("autoscaler of %s", service.name())
				.isEqualTo(service.name());
			assertThat(deployment.path("spec").has("replicas"))
				.as("%s leaves its replica count to its autoscaler", service.name())
				.isFalse();
			Kustomize.named(objects, "PodDisruptionBudget", service.name());
			JsonNode policy = Kustomize.named(objects, "NetworkPolicy", service.name());
			assertThat(policy.path("spec").path("policyTypes").toString())
				.as("%s NetworkPolicy restricts both directions", service.name())
				.contains("Ingress", "Egress");
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void exposesAManagementPortExactlyWhereTheServiceListensOnOne(String kustomization) {
		List<JsonNode> objects = Kustomize.render(kustomization);
		for (ServiceConfiguration service : servicesIn(objects)) {
			Integer management = service.managementPort().orElse(null);
			JsonNode container = Kustomize.named(objects, "Deployment", service.name())
				.path("spec")
				.path("template")
				.path("spec")
				.path("containers")
				.path(0);
			List<Integer> containerPorts = new ArrayList<>();
			container.path("ports").forEach((port) -> {
				if (KubernetesDeployment.MANAGEMENT.equals(port.path("name").asText())) {
					containerPorts.add(port.path("containerPort").asInt());
				}
			});
			List<Integer> servicePorts = new ArrayList<>();
			Kustomize.named(objects, "Service", service.name()).path("spec").path("ports").forEach((port) -> {
				if (KubernetesDeployment.MANAGEMENT.equals(port.path("name").asText())) {
					servicePorts.add(port.path("port").asInt());
				}
			});
			List<Integer> expected = (management != null) ? List.of(management) : List.of();
			assertThat(containerPorts).as("%s: container port named management", service.name()).isEqualTo(expected);
			assertThat(servicePorts).as("%s: Service port named management", service.name()).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void routesOnlyToServicesAndPortsThatExist(String kustomization) {
		List<JsonNode> objects = Kustomize.render(kustomization);
		List<JsonNode> routes = Kustomize.ofKind(objects, "HTTPRoute");
		assertThat(routes).as("HTTPRoutes of %s", kustomization).isNotEmpty();
		for (JsonNode route : routes) {
			for (JsonNode parent : route.path("spec").path("parentRefs")) {
				Kustomize.named(objects, "Gateway", parent.path("name").asText());
			}
			for (JsonNode rule : route.path("spec").path("rules")) {
				for (JsonNode backend : rule.path("backendRefs")) {
					JsonNode service = Kustomize.named(objects, "Service", backend.path("name").asText());
					List<Integer> ports = new ArrayList<>();
					service.path("spec").path("ports").forEach((port) -> ports.add(port.path("port").asInt()));
					assertThat(ports).as("ports of Service %s", backend.path("name").asText())
						.contains(backend.path("port").asInt());
				}
			}
		}
	}

	@Test
	void prodRunsReplicatedKafkaPostgresAndMongo() {
		List<JsonNode> prod = Kustomize.render("k8s/overlays/prod");
		JsonNode kafka = Kustomize.ofKind(prod, "Kafka").get(0);
		int brokers = Kustomize.ofKind(prod, "KafkaNodePool")
			.stream()
			.filter((pool) -> pool.path("spec").path("roles").toString().contains("broker"))
			.mapToInt((pool) -> pool.path("spec").path("replicas").asInt())
			.sum();
		assertThat(brokers).as("Kafka brokers").isEqualTo(3);
		JsonNode config = kafka.path("spec").path("kafka").path("config");
		assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
		assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
		assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
		assertThat(Kustomize.ofKind(prod, "KafkaTopic")).isNotEmpty().allSatisfy((topic) -> {
			assertThat(topic.path("spec").path("replicas").asInt()).as("replicas of %s", Kustomize.nameOf(topic))
				.isEqualTo(3);
			assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt())
				.as("min.insync.replicas of %s", Kustomize.nameOf(topic))
				.isEqualTo(2);
		});
		assertThat(Kustomize.ofKind(prod, "Cluster").get(0).path("spec").path("instances").asInt())
			.as("PostgreSQL instances")
			.isEqualTo(3);
		assertThat(Kustomize.ofKind(prod, "MongoDBCommunity").get(0).path("spec").path("members").asInt())
			.as("MongoDB replica set members")
			.isEqualTo(3);
	}

	@Test
	void devCreatesTopicsWithTheScriptThatComposeUses() {
		assertThat(Repository.read("k8s/overlays/dev/create-topics.sh"))
			.as("k8s/overlays/dev/create-topics.sh, a copy of compose/kafka/create-topics.sh (kustomize reads "
					+ "no file outside the overlay)")
			.isEqualTo(Repository.read("compose/kafka/create-topics.sh"));
	}

	@Test
	void commitsNoSecret() {
		assertThat(kustomizations().flatMap((k) -> Kustomize.ofKind(Kustomize.render(k), "Secret").stream()))
			.as("Secrets are referenced, created out of band, never committed")
			.isEmpty();
	}

}
