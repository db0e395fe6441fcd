package com.example.shop.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.example.shop.deployment.Deployment.DeployedService;
import com.example.shop.deployment.Deployment.Topic;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rendered k8s overlay as a {@link Deployment}. Infrastructure is either in-cluster
 * StatefulSets (recognized by image, reached through the Services that select them) or
 * operator resources, whose Services are named as the operators name them: Strimzi
 * {@code <kafka>-kafka-bootstrap}, CloudNativePG {@code <cluster>-rw}, the MongoDB
 * operator {@code <name>-svc}.
 */
final class KubernetesDeployment {

	/**
	 * The name of the port where a service's actuator listens, when it has one of its
	 * own.
	 */
	static final String MANAGEMENT = "management";

	private KubernetesDeployment() {
	}

	static Deployment load(String overlay) {
		List<JsonNode> objects = Kustomize.render(overlay);
		Map<String, String> secretValues = new TreeMap<>();
		Set<String> kafka = new TreeSet<>();
		int brokers = 0;
		Map<String, Set<String>> postgres = new TreeMap<>();
		Set<String> postgresCredentials = new TreeSet<>();
		Map<String, String> mongo = new TreeMap<>();
		Map<String, Topic> topics = new TreeMap<>();

		for (JsonNode statefulSet : Kustomize.ofKind(objects, "StatefulSet")) {
			JsonNode pod = statefulSet.path("spec").path("template");
			for (JsonNode container : pod.path("spec").path("containers")) {
				String image = container.path("image").asText();
				Map<String, String> env = environment(container, objects);
				List<String> addresses = servicesSelecting(objects, pod.path("metadata").path("labels"));
				if (image.startsWith("postgres:")) {
					Set<String> databases = initDatabases(pod, objects);
					addresses.forEach((address) -> postgres.put(address, databases));
					postgresCredentials.add(env.get("POSTGRES_USER"));
					postgresCredentials.add(env.get("POSTGRES_PASSWORD"));
				}
				else if (image.startsWith("apache/kafka:")) {
					brokers += statefulSet.path("spec").path("replicas").asInt(1);
					kafka.addAll(addresses);
				}
				else if (image.startsWith("mongo:")) {
					List<String> args = ComposeDeployment.strings(container.path("args"));
					int i = args.indexOf("--replSet");
					String replicaSet = (i >= 0) ? args.get(i + 1) : "";
					addresses.forEach((address) -> mongo.put(address, replicaSet));
				}
			}
		}
		for (JsonNode strimzi : Kustomize.ofKind(objects, "Kafka")) {
			String name = Kustomize.nameOf(strimzi);
			for (JsonNode listener : strimzi.path("spec").path("kafka").path("listeners")) {
				if ("internal".equals(listener.path("type").asText()) && !listener.path("tls").asBoolean()) {
					kafka.add(name + "-kafka-bootstrap:" + listener.path("port").asInt());
				}
			}
			for (JsonNode pool : Kustomize.ofKind(objects, "KafkaNodePool")) {
				if (name.equals(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())
						&& ComposeDeployment.strings(pool.path("spec").path("roles")).contains("broker")) {
					brokers += pool.path("spec").path("replicas").asInt();
				}
			}
		}
		for (JsonNode cluster : Kustomize.ofKind(objects, "Cluster")) {
			String name = Kustomize.nameOf(cluster);
			Set<String> databases = new TreeSet<>();
			JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
			if (initdb.has("database")) {
				databases.add(initdb.path("database").asText());
			}
			for (JsonNode database : Kustomize.ofKind(objects, "Database")) {
				if (name.equals(database.path("spec").path("cluster").path("name").asText())) {
					databases.add(database.path("spec").path("name").asText());
				}
			}
			postgres.put(name + "-rw:5432", databases);
			String secret = initdb.path("secret").path("name").asText();
			postgresCredentials.add("secret:" + secret + "/username");
			postgresCredentials.add("secret:" + secret + "/password");
		}
		for (JsonNode replicaSet : Kustomize.ofKind(objects, "MongoDBCommunity")) {
			String name = Kustomize.nameOf(replicaSet);
			mongo.put(name + "-svc:27017", name);
			for (JsonNode user : replicaSet.path("spec").path("users")) {
				// the connection string the operator writes for this user
				secretValues.put(
						"secret:" + user.path("connectionStringSecretName").asText() + "/connectionString.standard",
						"mongodb://" + name + "-svc:27017/" + user.path("db").asText() + "?replicaSet=" + name);
			}
		}
		for (JsonNode job : Kustomize.ofKind(objects, "Job")) {
			for (JsonNode container : job.path("spec").path("template").path("spec").path("containers")) {
				Map<String, String> env = environment(container, objects);
				if (env.containsKey("TOPICS")) {
					for (String topic : env.get("TOPICS").trim().split("\\s+")) {
						topics.put(topic,
								new Topic(topic, Integer.parseInt(env.get("PARTITIONS")),
										Integer.parseInt(env.get("REPLICATION_FACTOR")),
										Long.parseLong(env.get("RETENTION_MS")),
										Integer.parseInt(env.get("MIN_INSYNC_REPLICAS"))));
					}
				}
			}
		}
		for (JsonNode topic : Kustomize.ofKind(objects, "KafkaTopic")) {
			JsonNode spec = topic.path("spec");
			String name = spec.path("topicName").asText(Kustomize.nameOf(topic));
			topics.put(name,
					new Topic(name, spec.path("partitions").asInt(), spec.path("replicas").asInt(),
							spec.path("config").path("retention.ms").asLong(),
							spec.path("config").path("min.insync.replicas").asInt()));
		}

		Map<String, DeployedService> services = new TreeMap<>();
		for (JsonNode deployment : Kustomize.ofKind(objects, "Deployment")) {
			String name = Kustomize.nameOf(deployment);
			JsonNode pod = deployment.path("spec").path("template");
			if (pod.path("metadata").path("labels").has("shop.example.com/infra")) {
				// infrastructure run as a Deployment (dev's Zipkin), not one of the
				// services
				continue;
			}
			JsonNode container = pod.path("spec").path("containers").path(0);
			Map<String, String> env = environment(container, objects);
			env.replaceAll((variable, value) -> secretValues.getOrDefault(value, value));
			services.put(name, new DeployedService(name, env, ports(name, container, pod, objects), Optional.empty()));
		}
		return new Deployment(overlay, services, kafka, brokers, postgres, postgresCredentials, mongo, topics);
	}

	/**
	 * A container's variables: {@code envFrom} ConfigMaps first, then {@code env}, as the
	 * kubelet sets them. Secrets appear as {@code secret:<name>/<key>}.
	 */
	static Map<String, String> environment(JsonNode container, List<JsonNode> objects) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (JsonNode source : container.path("envFrom")) {
			if (source.has("configMapRef")) {
				String name = source.path("configMapRef").path("name").asText();
				Kustomize.named(objects, "ConfigMap", name)
					.path("data")
					.properties()
					.forEach((e) -> environment.put(e.getKey(), e.getValue().asText()));
			}
			else if (source.has("secretRef")) {
				throw new AssertionError("envFrom a whole Secret hides which variables a service gets: use env "
						+ "with secretKeyRef for each (" + container.path("name").asText() + ")");
			}
		}
		for (JsonNode variable : container.path("env")) {
			String name = variable.path("name").asText();
			if (variable.has("value")) {
				environment.put(name, variable.path("value").asText());
			}
			else {
				JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
				JsonNode configMap = variable.path("valueFrom").path("configMapKeyRef");
				if (!secret.isMissingNode()) {
					environment.put(name, "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
				}
				else if (!configMap.isMissingNode()) {
					environment.put(name,
							Kustomize.named(objects, "ConfigMap", configMap.path("name").asText())
								.path("data")
								.path(configMap.path("key").asText())
								.asText());
				}
			}
		}
		return environment;
	}

	/** {@code name:port} of each Service whose selector picks pods with these labels. */
	static List<String> servicesSelecting(List<JsonNode> objects, JsonNode podLabels) {
		return Kustomize.ofKind(objects, "Service").stream().filter((service) -> {
			JsonNode selector = service.path("spec").path("selector");
			return !selector.isEmpty() && selector.properties()
				.stream()
				.allMatch((e) -> e.getValue().asText().equals(podLabels.path(e.getKey()).asText(null)));
		}).flatMap((service) -> {
			List<String> addresses = new ArrayList<>();
			service.path("spec").path("ports").forEach((port) -> {
				if (!MANAGEMENT.equals(port.path("name").asText())) {
					addresses.add(Kustomize.nameOf(service) + ":" + port.path("port").asInt());
				}
			});
			return addresses.stream();
		}).toList();
	}

	/**
	 * Where the deployment expects the service's server port. A port named
	 * {@value #MANAGEMENT} is the actuator's own (management.server.port), which
	 * {@code KubernetesManifestsTest} checks.
	 */
	private static Map<String, Integer> ports(String name, JsonNode container, JsonNode pod, List<JsonNode> objects) {
		Map<String, Integer> named = new LinkedHashMap<>();
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (JsonNode port : container.path("ports")) {
			if (MANAGEMENT.equals(port.path("name").asText())) {
				continue;
			}
			named.put(port.path("name").asText(), port.path("containerPort").asInt());
			ports.put("containerPort " + port.path("name").asText(), port.path("containerPort").asInt());
		}
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			JsonNode port = container.path(probe).path("httpGet").path("port");
			if (!port.isMissingNode()) {
				ports.put(probe, port.isInt() ? port.asInt() : named.getOrDefault(port.asText(), -1));
			}
		}
		for (String address : servicesSelecting(objects, pod.path("metadata").path("labels"))) {
			ports.put("Service " + address, Integer.parseInt(address.substring(address.indexOf(':') + 1)));
		}
		for (JsonNode service : Kustomize.ofKind(objects, "Service")) {
			if (name.equals(Kustomize.nameOf(service))) {
				for (JsonNode port : service.path("spec").path("ports")) {
					if (MANAGEMENT.equals(port.path("name").asText())) {
						continue;
					}
					JsonNode target = port.path("targetPort");
					ports.put("Service " + name + " targetPort",
							target.isInt() ? target.asInt() : named.getOrDefault(target.asText(), -1));
				}
			}
		}
		return ports;
	}

	private static Set<String> initDatabases(JsonNode pod, List<JsonNode> objects) {
		Set<String> databases = new TreeSet<>();
		for (JsonNode container : pod.path("spec").path("containers")) {
			for (JsonNode mount : container.path("volumeMounts")) {
				if (mount.path("mountPath").asText().startsWith("/docker-entrypoint-initdb.d")) {
					for (JsonNode volume : pod.path("spec").path("volumes")) {
						if (volume.path("name").asText().equals(mount.path("name").asText())
								&& volume.has("configMap")) {
							Kustomize.named(objects, "ConfigMap", volume.path("configMap").path("name").asText())
								.path("data")
								.forEach((sql) -> databases.addAll(ComposeDeployment.createdDatabases(sql.asText())));
						}
					}
				}
			}
		}
		return databases;
	}

}
