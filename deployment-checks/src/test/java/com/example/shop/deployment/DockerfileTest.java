package com.example.shop.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile builds on one pinned Temurin release, ships a JRE without the build
 * tools, runs as the non-root user that Kubernetes expects, and checks readiness. The
 * images of the infrastructure are those the integration tests run against.
 */
class DockerfileTest {

	private static final String DOCKERFILE = Repository.read("Dockerfile");

	@Test
	void buildsWithAJdkAndRunsOnAJreOfTheSamePinnedTemurin25Release() {
		Matcher tag = Pattern.compile("(?m)^ARG TEMURIN_TAG=(\\S+)$").matcher(DOCKERFILE);
		assertThat(tag.find()).as("ARG TEMURIN_TAG=<version>_<build>").isTrue();
		assertThat(tag.group(1)).as("Temurin tag").matches("25\\.\\d+\\.\\d+_\\d+");
		List<String> from = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?m)^FROM (\\S+)").matcher(DOCKERFILE);
		while (matcher.find()) {
			from.add(matcher.group(1));
		}
		assertThat(from).containsExactly("eclipse-temurin:${TEMURIN_TAG}-jdk-noble",
				"eclipse-temurin:${TEMURIN_TAG}-jre-noble");
	}

	@Test
	void runsAsTheNonRootUserThatTheKubernetesPodsDeclare() {
		Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(DOCKERFILE);
		assertThat(user.find()).as("USER <uid>:<gid>, numeric so that runAsNonRoot can verify it").isTrue();
		int uid = Integer.parseInt(user.group(1));
		assertThat(uid).isPositive();
		for (String overlay : Kustomize.OVERLAYS) {
			List<JsonNode> objects = Kustomize.render(overlay);
			for (ServiceConfiguration service : KubernetesManifestsTest.servicesIn(objects)) {
				JsonNode pod = Kustomize.named(objects, "Deployment", service.name())
					.path("spec")
					.path("template")
					.path("spec");
				assertThat(pod.path("securityContext").path("runAsUser").asInt())
					.as("%s runAsUser in %s", service.name(), overlay)
					.isEqualTo(uid);
			}
		}
	}

	@Test
	void checksReadinessOnTheServicePortAndSizesTheHeapFromTheContainerLimit() {
		assertThat(DOCKERFILE).containsPattern("(?m)^HEALTHCHECK .*\\n?.*/readyz")
			.contains("ENV SERVER_PORT=${SERVICE_PORT}")
			.containsPattern("MaxRAMPercentage=\\d+")
			.contains("-XX:+ExitOnOutOfMemoryError")
			.containsPattern("(?m)^ENTRYPOINT \\[\"java\"");
	}

	@Test
	void runsTheInfrastructureImagesThatTheIntegrationTestsUse() {
		String testInfrastructure = Repository
			.read("platform/test-support/src/main/java/com/example/shop/platform/testsupport/TestInfrastructure.java");
		List<String> pinned = new ArrayList<>();
		Matcher matcher = Pattern.compile("_IMAGE = \"([^\"]+)\"").matcher(testInfrastructure);
		while (matcher.find()) {
			pinned.add(matcher.group(1));
		}
		assertThat(pinned).as("images pinned in TestInfrastructure").hasSize(3);
		List<String> images = new ArrayList<>();
		ComposeDeployment.file().path("services").forEach((service) -> images.add(service.path("image").asText()));
		for (JsonNode object : Kustomize.render("k8s/overlays/dev")) {
			object.findValues("image").forEach((image) -> images.add(image.asText()));
		}
		for (String image : images) {
			String repository = image.substring(0, image.lastIndexOf(':') + 1);
			pinned.stream()
				.filter((test) -> test.startsWith(repository))
				.forEach((test) -> assertThat(image).as("image of the tests' %s", repository).isEqualTo(test));
		}
		assertThat(images).containsAll(pinned);
		String postgresVersion = pinned.stream()
			.filter((i) -> i.startsWith("postgres:"))
			.findFirst()
			.orElseThrow()
			.substring("postgres:".length());
		String mongoVersion = pinned.stream()
			.filter((i) -> i.startsWith("mongo:"))
			.findFirst()
			.orElseThrow()
			.substring("mongo:".length());
		List<JsonNode> prod = Kustomize.render("k8s/overlays/prod");
		assertThat(Kustomize.ofKind(prod, "Cluster").get(0).path("spec").path("imageName").asText())
			.endsWith(":" + postgresVersion);
		assertThat(Kustomize.ofKind(prod, "MongoDBCommunity").get(0).path("spec").path("version").asText())
			.isEqualTo(mongoVersion);
	}

}
