package com.example.shop.deployment;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.example.shop.contracts.Topics;
import com.example.shop.deployment.Deployment.DeployedService;
import com.example.shop.deployment.Deployment.Topic;
import com.example.shop.platform.eventing.inbox.InboxProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source of truth: docker-compose.yml and every k8s overlay set the variables, ports,
 * databases and topics that the services read, as their application.yml files and the
 * contracts' {@link Topics} say. Everything expected is derived from those, so a new
 * service, property, placeholder or topic is checked without a change here.
 */
class ConfigurationConsistencyTest {

	static Stream<Deployment> deployments() {
		return Stream.concat(Stream.of(ComposeDeployment.load()),
				Kustomize.OVERLAYS.stream().map(KubernetesDeployment::load));
	}

	static List<ServiceConfiguration> services() {
		return ServiceConfiguration.all();
	}

	/**
	 * The services a deployment runs: all of them, but the issuer where the deployment
	 * uses an OpenID Connect provider of its own.
	 */
	static List<ServiceConfiguration> services(Deployment deployment) {
		return services().stream()
			.filter((service) -> !service.isIssuer() || deployment.services().containsKey(service.name()))
			.toList();
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void deploysEveryService(Deployment deployment) {
		assertThat(deployment.services().keySet()).as("services deployed by %s", deployment)
			.containsExactlyInAnyOrderElementsOf(
					services(deployment).stream().map(ServiceConfiguration::name).toList());
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void pointsEveryServiceAtTheIssuerItRunsOrAtAnotherOverHttps(Deployment deployment) {
		ServiceConfiguration issuer = services().stream()
			.filter(ServiceConfiguration::isIssuer)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no module is the issuer"));
		DeployedService deployedIssuer = deployment.services().get(issuer.name());
		for (ServiceConfiguration service : services(deployment)) {
			if (service.isIssuer()) {
				continue;
			}
			String variable = service.issuerVariable()
				.orElseThrow(() -> new AssertionError(service.name() + "'s application.yml names no issuer-uri"));
			String trusted = deployed(deployment, service).literal(variable)
				.orElseThrow(() -> new AssertionError(deployment + ": " + service.name() + " has no " + variable));
			if (deployedIssuer != null) {
				assertThat(trusted).as("%s: the issuer %s trusts", deployment, service.name())
					.isEqualTo(
							deployedIssuer.literal("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER").orElse(null));
			}
			else {
				assertThat(trusted)
					.as("%s: %s trusts a provider of its own, which it reaches over HTTPS", deployment, service.name())
					.startsWith("https://");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void setsOnlyVariablesThatTheServicesRead(Deployment deployment) {
		List<String> unread = new ArrayList<>();
		for (ServiceConfiguration service : services(deployment)) {
			deployed(deployment, service).environment()
				.keySet()
				.stream()
				.filter((variable) -> !service.reads(variable))
				.forEach((variable) -> unread.add(service.name() + ": " + variable));
		}
		assertThat(unread).as("""
				%s sets variables that no property or ${placeholder} of the service's application.yml \
				reads (a typo, or a setting to add to application.yml first)""", deployment).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void providesEverySettingThatHasNoUsableDefault(Deployment deployment) {
		List<String> missing = new ArrayList<>();
		for (ServiceConfiguration service : services(deployment)) {
			Set<String> set = deployed(deployment, service).environment().keySet();
			service.requiredSettings().forEach((setting, alternatives) -> {
				if (alternatives.stream().noneMatch(set::contains)) {
					missing.add(service.name() + ": " + setting + " (set one of " + alternatives + ")");
				}
			});
		}
		assertThat(missing).as("""
				%s leaves settings at a default that points at 127.0.0.1/localhost, or at a \
				placeholder without default""", deployment).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void expectsEachServiceOnThePortItListensOn(Deployment deployment) {
		for (ServiceConfiguration service : services(deployment)) {
			DeployedService deployed = deployed(deployment, service);
			int listens = deployed.literal("SERVER_PORT").map(Integer::parseInt).orElse(service.port());
			assertThat(deployed.ports())
				.as("%s: ports where %s expects %s (it listens on %d)", deployment, deployment, service.name(), listens)
				.isNotEmpty()
				.allSatisfy((where, port) -> assertThat(port).as(where).isEqualTo(listens));
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void pointsEachServiceAtItsOwnPostgresDatabaseThatTheDeploymentCreates(Deployment deployment) {
		for (ServiceConfiguration service : services(deployment)) {
			Optional<String> database = service.postgresDatabase();
			if (database.isEmpty()) {
				continue;
			}
			DeployedService deployed = deployed(deployment, service);
			String url = deployed.literal("SPRING_DATASOURCE_URL")
				.orElseThrow(
						() -> new AssertionError(deployment + ": " + service.name() + " has no SPRING_DATASOURCE_URL"));
			String server = ServiceConfiguration.hostAndPortOfUrl(url, 5432);
			assertThat(ServiceConfiguration.databaseOfUrl(url)).as("%s: database of %s", deployment, service.name())
				.isEqualTo(database.get());
			assertThat(deployment.postgres())
				.as("%s: PostgreSQL servers, for %s at %s", deployment, service.name(), server)
				.containsKey(server);
			assertThat(deployment.postgres().get(server)).as("%s: databases created on %s", deployment, server)
				.contains(database.get());
			for (String credential : List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
				assertThat(deployed.environment().get(credential))
					.as("%s: %s of %s, from where PostgreSQL takes its owner's", deployment, credential, service.name())
					.isIn(deployment.postgresCredentials());
			}
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void pointsEachServiceAtItsMongoDatabaseOnAReplicaSetTheDeploymentRuns(Deployment deployment) {
		for (ServiceConfiguration service : services(deployment)) {
			Optional<String> database = service.mongoDatabase();
			if (database.isEmpty()) {
				continue;
			}
			String uri = deployed(deployment, service).literal("SPRING_MONGODB_URI")
				.orElseThrow(() -> new AssertionError(
						deployment + ": " + service.name() + " has no SPRING_MONGODB_URI that can be traced"));
			String server = ServiceConfiguration.hostAndPortOfUrl(uri, 27017);
			assertThat(ServiceConfiguration.databaseOfUrl(uri)).as("%s: database of %s", deployment, service.name())
				.isEqualTo(database.get());
			assertThat(deployment.mongo()).as("%s: MongoDB servers, for %s", deployment, service.name())
				.containsKey(server);
			assertThat(URI.create(uri).getQuery()).as("%s: %s must name the replica set", deployment, uri)
				.contains("replicaSet=" + deployment.mongo().get(server));
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void pointsEachServiceAtTheKafkaTheDeploymentRuns(Deployment deployment) {
		assertThat(deployment.kafkaEndpoints()).as("%s: Kafka bootstrap addresses", deployment).isNotEmpty();
		for (ServiceConfiguration service : services(deployment)) {
			if (!service.usesKafka()) {
				continue;
			}
			String servers = deployed(deployment, service).literal("SPRING_KAFKA_BOOTSTRAP_SERVERS")
				.orElseThrow(() -> new AssertionError(deployment + ": " + service.name() + " has no Kafka address"));
			assertThat(Arrays.asList(servers.split(","))).as("%s: Kafka of %s", deployment, service.name())
				.isSubsetOf(deployment.kafkaEndpoints());
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void createsEveryContractTopicAndItsDeadLetterUpFront(Deployment deployment) {
		assertThat(deployment.topics().keySet()).as("%s: topics created up front", deployment)
			.containsExactlyInAnyOrderElementsOf(expectedTopics());
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void createsTopicsWithThePartitionsReplicationAndRetentionTheServicesExpect(Deployment deployment) {
		Duration inboxRetention = inboxRetention();
		for (Topic topic : deployment.topics().values()) {
			for (ServiceConfiguration service : services()) {
				service.intProperty("topic-partitions")
					.ifPresent((partitions) -> assertThat(topic.partitions())
						.as("%s: partitions of %s, which %s creates with %d", deployment, topic.name(), service.name(),
								partitions)
						.isEqualTo(partitions));
				service.intProperty("spring.kafka.listener.concurrency")
					.ifPresent((threads) -> assertThat(topic.partitions())
						.as("%s: partitions of %s, for %d listener threads of %s", deployment, topic.name(), threads,
								service.name())
						.isGreaterThanOrEqualTo(threads));
			}
			assertThat(Duration.ofMillis(topic.retentionMs()))
				.as("%s: retention of %s must be shorter than the inbox's memory of processed ids (%s)", deployment,
						topic.name(), inboxRetention)
				.isPositive()
				.isLessThan(inboxRetention);
			assertThat(topic.replicas()).as("%s: replicas of %s", deployment, topic.name())
				.isBetween(1, deployment.brokers());
			assertThat(topic.minInsyncReplicas()).as("%s: min.insync.replicas of %s", deployment, topic.name())
				.isBetween(1, Math.max(1, topic.replicas() - 1));
		}
	}

	@Test
	void composeStartsEachServiceOnlyAfterWhatItUsesIsReady() {
		Deployment compose = ComposeDeployment.load();
		String topicJob = ComposeDeployment.file()
			.path("services")
			.properties()
			.stream()
			.filter((e) -> ComposeDeployment.environment(e.getValue()).containsKey("TOPICS"))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new AssertionError("docker-compose.yml has no service that creates the topics"));
		for (ServiceConfiguration service : services()) {
			DeployedService deployed = deployed(compose, service);
			Set<String> expected = new TreeSet<>();
			deployed.literal("SPRING_DATASOURCE_URL")
				.ifPresent((url) -> expected
					.add(host(ServiceConfiguration.hostAndPortOfUrl(url, 5432)) + ":service_healthy"));
			deployed.literal("SPRING_MONGODB_URI")
				.ifPresent((uri) -> expected
					.add(host(ServiceConfiguration.hostAndPortOfUrl(uri, 27017)) + ":service_healthy"));
			deployed.literal("SPRING_KAFKA_BOOTSTRAP_SERVERS").ifPresent((servers) -> {
				Arrays.stream(servers.split(",")).forEach((server) -> expected.add(host(server) + ":service_healthy"));
				expected.add(topicJob + ":service_completed_successfully");
			});
			assertThat(deployed.dependsOn().orElseThrow()).as("depends_on of %s", service.name()).containsAll(expected);
		}
	}

	/** The contracts' topics and the dead-letter topic of each. */
	static Set<String> expectedTopics() {
		Set<String> topics = new TreeSet<>();
		for (Field field : Topics.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				try {
					String topic = (String) field.get(null);
					topics.add(topic);
					topics.add(Topics.deadLetter(topic));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		assertThat(topics).as("topics of the contracts").isNotEmpty();
		return topics;
	}

	/**
	 * How long the inbox remembers processed ids: its default, or the shortest a service
	 * sets.
	 */
	static Duration inboxRetention() {
		var components = Arrays.stream(InboxProperties.class.getRecordComponents()).map((c) -> c.getName()).toList();
		var types = Arrays.stream(InboxProperties.class.getRecordComponents())
			.map((c) -> c.getType())
			.toArray(Class[]::new);
		String defaultValue;
		try {
			defaultValue = InboxProperties.class.getDeclaredConstructor(types).getParameters()[components
				.indexOf("retention")].getAnnotation(DefaultValue.class).value()[0];
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
		return Stream
			.concat(Stream.of(defaultValue),
					services().stream().map((service) -> service.value("shop.eventing.inbox.retention")))
			.filter((value) -> value != null)
			.map(DurationStyle::detectAndParse)
			.min(Duration::compareTo)
			.orElseThrow();
	}

	private static DeployedService deployed(Deployment deployment, ServiceConfiguration service) {
		DeployedService deployed = deployment.services().get(service.name());
		assertThat(deployed).as("%s deploys %s", deployment, service.name()).isNotNull();
		return deployed;
	}

	private static String host(String hostAndPort) {
		return hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
	}

}
