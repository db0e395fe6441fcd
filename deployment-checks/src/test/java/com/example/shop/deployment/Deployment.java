package com.example.shop.deployment;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One way of deploying the system (docker-compose.yml, or a rendered k8s overlay) reduced
 * to what must agree with the services' own configuration. Built by
 * {@link ComposeDeployment} and {@link KubernetesDeployment}; checked by
 * {@link ConfigurationConsistencyTest}.
 *
 * @param name how the deployment is named in failure messages
 * @param services each deployed service by name
 * @param kafkaEndpoints {@code host:port} of every Kafka bootstrap address the deployment
 * runs
 * @param brokers how many Kafka brokers it runs
 * @param postgres {@code host:port} of every PostgreSQL server it runs, with the
 * databases it creates there
 * @param postgresCredentials where the PostgreSQL owner's credentials come from: literal
 * values, or {@code secret:<name>} references
 * @param mongo {@code host:port} of every MongoDB replica set member address it runs,
 * with the replica set's name
 * @param topics every topic it creates up front
 */
record Deployment(String name, Map<String, DeployedService> services, Set<String> kafkaEndpoints, int brokers,
		Map<String, Set<String>> postgres, Set<String> postgresCredentials, Map<String, String> mongo,
		Map<String, Topic> topics) {

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * A service as deployed.
	 *
	 * @param name its name
	 * @param environment every variable set for it: a literal value, or
	 * {@code secret:<name>/<key>} when it comes from a Secret
	 * @param ports every place the deployment expects it to listen on (with where that is
	 * said)
	 * @param dependsOn what must be up before it starts, where the deployment orders that
	 */
	record DeployedService(String name, Map<String, String> environment, Map<String, Integer> ports,
			Optional<Set<String>> dependsOn) {

		Optional<String> literal(String variable) {
			return Optional.ofNullable(this.environment.get(variable)).filter((value) -> !isSecret(value));
		}

		static boolean isSecret(String value) {
			return value.startsWith("secret:");
		}

	}

	/**
	 * A topic as created.
	 */
	record Topic(String name, int partitions, int replicas, long retentionMs, int minInsyncReplicas) {

	}

}
