package com.example.shop.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.shop.deployment.Deployment.DeployedService;
import com.example.shop.deployment.Deployment.Topic;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * docker-compose.yml as a {@link Deployment}. Infrastructure is recognized by image
 * ({@code postgres}, {@code apache/kafka}, {@code mongo}), the topic job by its
 * {@code TOPICS} variable.
 */
final class ComposeDeployment {

	static final String FILE = "docker-compose.yml";

	private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?-([^}]*))?}");

	private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?([A-Za-z0-9_]+)\"?");

	private static final Pattern URL_PORT = Pattern.compile("https?://[^/:]+:(\\d+)(/.*)?");

	private ComposeDeployment() {
	}

	static JsonNode file() {
		return Repository.readYamlWithMergeKeys(FILE);
	}

	static Deployment load() {
		JsonNode services = file().path("services");
		Map<String, DeployedService> deployed = new TreeMap<>();
		Set<String> kafka = new TreeSet<>();
		int brokers = 0;
		Map<String, Set<String>> postgres = new TreeMap<>();
		Set<String> postgresCredentials = new TreeSet<>();
		Map<String, String> mongo = new TreeMap<>();
		Map<String, Topic> topics = new TreeMap<>();
		for (var entry : services.properties()) {
			String name = entry.getKey();
			JsonNode service = entry.getValue();
			String image = service.path("image").asText();
			Map<String, String> environment = environment(service);
			if (image.startsWith("postgres:")) {
				postgres.put(name + ":5432", initDatabases(service));
				postgresCredentials.add(environment.get("POSTGRES_USER"));
				postgresCredentials.add(environment.get("POSTGRES_PASSWORD"));
			}
			else if (image.startsWith("apache/kafka:") && environment.containsKey("KAFKA_PROCESS_ROLES")) {
				brokers++;
				for (String listener : environment.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").split(",")) {
					if (listener.startsWith("PLAINTEXT://")) {
						kafka.add(listener.substring("PLAINTEXT://".length()));
					}
				}
			}
			else if (image.startsWith("mongo:")) {
				List<String> command = strings(service.path("command"));
				int i = command.indexOf("--replSet");
				mongo.put(name + ":27017", (i >= 0 && i + 1 < command.size()) ? command.get(i + 1) : "");
			}
			if (environment.containsKey("TOPICS")) {
				for (String topic : environment.get("TOPICS").trim().split("\\s+")) {
					topics.put(topic,
							new Topic(topic, Integer.parseInt(environment.get("PARTITIONS")),
									Integer.parseInt(environment.get("REPLICATION_FACTOR")),
									Long.parseLong(environment.get("RETENTION_MS")),
									Integer.parseInt(environment.get("MIN_INSYNC_REPLICAS"))));
				}
			}
			if (service.has("build")) {
				deployed.put(name, new DeployedService(name, environment, ports(service, environment),
						Optional.of(dependsOn(service))));
			}
		}
		return new Deployment(FILE, deployed, kafka, brokers, postgres, postgresCredentials, mongo, topics);
	}

	/**
	 * A service's variables, with compose's {@code ${VAR:-default}} resolved to the
	 * default.
	 */
	static Map<String, String> environment(JsonNode service) {
		Map<String, String> environment = new LinkedHashMap<>();
		JsonNode node = service.path("environment");
		if (node.isObject()) {
			node.properties().forEach((e) -> environment.put(e.getKey(), interpolate(e.getValue().asText())));
		}
		else if (node.isArray()) {
			node.forEach((line) -> {
				String[] pair = line.asText().split("=", 2);
				environment.put(pair[0], interpolate((pair.length > 1) ? pair[1] : ""));
			});
		}
		return environment;
	}

	static String interpolate(String value) {
		Matcher matcher = INTERPOLATION.matcher(value);
		return matcher.replaceAll((m) -> Matcher.quoteReplacement(Optional.ofNullable(m.group(2)).orElse("")))
			.replace("$$", "$");
	}

	static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((value) -> values.add(value.asText()));
		}
		else if (node.isTextual()) {
			values.addAll(Arrays.asList(node.asText().trim().split("\\s+")));
		}
		return values;
	}

	private static Map<String, Integer> ports(JsonNode service, Map<String, String> environment) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		JsonNode buildPort = service.path("build").path("args").path("SERVICE_PORT");
		if (!buildPort.isMissingNode()) {
			ports.put("build argument SERVICE_PORT", Integer.parseInt(buildPort.asText()));
		}
		if (environment.containsKey("SERVER_PORT")) {
			ports.put("SERVER_PORT", Integer.parseInt(environment.get("SERVER_PORT")));
		}
		for (String word : strings(service.path("healthcheck").path("test"))) {
			Matcher matcher = URL_PORT.matcher(word);
			if (matcher.matches()) {
				ports.put("healthcheck " + word, Integer.parseInt(matcher.group(1)));
			}
		}
		return ports;
	}

	private static Set<String> dependsOn(JsonNode service) {
		Set<String> conditions = new HashSet<>();
		JsonNode dependsOn = service.path("depends_on");
		if (dependsOn.isObject()) {
			dependsOn.properties()
				.forEach((e) -> conditions.add(e.getKey() + ":" + e.getValue().path("condition").asText()));
		}
		else {
			dependsOn.forEach((name) -> conditions.add(name.asText() + ":service_started"));
		}
		return conditions;
	}

	private static Set<String> initDatabases(JsonNode service) {
		Set<String> databases = new TreeSet<>();
		for (JsonNode volume : service.path("volumes")) {
			String[] parts = volume.asText().split(":");
			if (parts.length >= 2 && parts[1].startsWith("/docker-entrypoint-initdb.d")) {
				databases.addAll(createdDatabases(Repository.read(parts[0].replaceFirst("^\\./", ""))));
			}
		}
		return databases;
	}

	static Set<String> createdDatabases(String sql) {
		Set<String> databases = new TreeSet<>();
		Matcher matcher = CREATE_DATABASE.matcher(sql.replaceAll("--[^\n]*", ""));
		while (matcher.find()) {
			databases.add(matcher.group(1));
		}
		return databases;
	}

}
