package com.example.shop.deployment;

import java.net.URI;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a service reads, taken from its {@code src/main/resources/application.yml}: every
 * property, every {@code ${VARIABLE:default}} placeholder, its port and its databases. A
 * service is a module of the root POM with such a file, so a new one is checked without
 * changes here.
 *
 * @param name the module directory, also {@code spring.application.name}
 * @param properties every property, flattened to dotted keys as Spring Boot sees them
 * @param placeholders every placeholder's variable and its default ({@code null}: none)
 */
record ServiceConfiguration(String name, Map<String, String> properties, Map<String, String> placeholders) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");

	private static final Pattern LOOPBACK = Pattern.compile("(?<![\\w.-])(127\\.0\\.0\\.1|localhost)(?![\\w.-])");

	/** Variables that configure the JVM rather than Spring, valid for every service. */
	static final Set<String> JVM_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

	static List<ServiceConfiguration> all() {
		return Repository.modules()
			.stream()
			.filter((module) -> Files.isRegularFile(Repository.path(module + "/src/main/resources/application.yml")))
			.map(ServiceConfiguration::of)
			.toList();
	}

	static ServiceConfiguration of(String module) {
		JsonNode yaml = Repository.readYaml(module + "/src/main/resources/application.yml");
		Map<String, String> properties = new TreeMap<>();
		flatten("", yaml, properties);
		Map<String, String> placeholders = new TreeMap<>();
		properties.values().forEach((value) -> {
			Matcher matcher = PLACEHOLDER.matcher(value);
			while (matcher.find()) {
				placeholders.put(matcher.group(1), matcher.group(2));
			}
		});
		// ${spring.application.name} refers to another property of the file, not to a
		// variable
		placeholders.keySet().removeIf(properties::containsKey);
		String name = properties.get("spring.application.name");
		if (!module.equals(name)) {
			throw new IllegalStateException(
					module + "/application.yml: spring.application.name is " + name + ", not the module's name");
		}
		return new ServiceConfiguration(module, properties, placeholders);
	}

	/**
	 * The environment variables that Spring Boot's relaxed binding maps to a property:
	 * {@code spring.datasource.url} is {@code SPRING_DATASOURCE_URL}, and
	 * {@code shop.orders.query-base-url} is {@code SHOP_ORDERS_QUERYBASEURL} (dashes
	 * removed, the documented form) or {@code SHOP_ORDERS_QUERY_BASE_URL} (dashes as
	 * underscores, also bound).
	 */
	static Set<String> variablesOf(String property) {
		String indexed = property.replace('.', '_').replaceAll("\\[(\\d+)]", "_$1").toUpperCase(Locale.ROOT);
		return new TreeSet<>(List.of(indexed.replace("-", ""), indexed.replace('-', '_')));
	}

	/**
	 * The value as Spring Boot resolves it without any variable set: placeholders
	 * replaced by their defaults.
	 */
	String value(String property) {
		String raw = this.properties.get(property);
		return (raw != null) ? PLACEHOLDER.matcher(raw)
			.replaceAll((m) -> Matcher.quoteReplacement(Optional.ofNullable(this.properties.get(m.group(1)))
				.or(() -> Optional.ofNullable(m.group(2)))
				.orElse(""))) : null;
	}

	int port() {
		return Integer.parseInt(value("server.port"));
	}

	/**
	 * Whether this is the issuer of tokens the system ships, which a deployment may
	 * replace with an OpenID Connect provider of its own.
	 */
	boolean isIssuer() {
		return this.properties.containsKey("spring.security.oauth2.authorizationserver.issuer");
	}

	/**
	 * The variable that says where the issuer of tokens is: a resource server's
	 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, or the
	 * {@code issuer-uri} of the client registration's provider for the console, which
	 * signs people in there.
	 */
	Optional<String> issuerVariable() {
		return this.properties.keySet()
			.stream()
			.filter((property) -> property.startsWith("spring.security.oauth2.") && property.endsWith(".issuer-uri"))
			.findFirst()
			.map((property) -> property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT));
	}

	/** The actuator's own port, when the service has one (management.server.port). */
	Optional<Integer> managementPort() {
		return Optional.ofNullable(value("management.server.port")).map(Integer::parseInt);
	}

	/**
	 * The PostgreSQL database of {@code spring.datasource.url}, if the service has one.
	 */
	Optional<String> postgresDatabase() {
		return Optional.ofNullable(value("spring.datasource.url")).map(ServiceConfiguration::databaseOfUrl);
	}

	/** The MongoDB database of {@code spring.mongodb.uri}, if the service has one. */
	Optional<String> mongoDatabase() {
		return Optional.ofNullable(value("spring.mongodb.uri")).map(ServiceConfiguration::databaseOfUrl);
	}

	boolean usesKafka() {
		return this.properties.containsKey("spring.kafka.bootstrap-servers");
	}

	/**
	 * Whether a variable set for this service reaches something it reads: a placeholder,
	 * a property of its application.yml (by relaxed binding), or the JVM.
	 */
	boolean reads(String variable) {
		return JVM_VARIABLES.contains(variable) || this.placeholders.containsKey(variable)
				|| this.properties.keySet().stream().anyMatch((property) -> variablesOf(property).contains(variable));
	}

	/**
	 * The settings a deployment must provide, each as the alternative variables that
	 * provide it: a placeholder without default, and every value that points at this
	 * machine (127.0.0.1 or localhost), which inside a container or pod is the wrong
	 * place.
	 */
	Map<String, Set<String>> requiredSettings() {
		Map<String, Set<String>> required = new LinkedHashMap<>();
		this.placeholders.forEach((variable, defaultValue) -> {
			if (defaultValue == null || LOOPBACK.matcher(defaultValue).find()) {
				required.put(variable, new TreeSet<>(Set.of(variable)));
			}
		});
		this.properties.forEach((property, raw) -> {
			if (LOOPBACK.matcher(raw).find()) {
				Set<String> alternatives = variablesOf(property);
				Matcher matcher = PLACEHOLDER.matcher(raw);
				while (matcher.find()) {
					alternatives.add(matcher.group(1));
				}
				required.put(property, alternatives);
			}
		});
		return required;
	}

	/**
	 * The largest value of any property of this service whose key ends with the suffix.
	 */
	Optional<Integer> intProperty(String keySuffix) {
		return this.properties.keySet()
			.stream()
			.filter((key) -> key.endsWith(keySuffix))
			.map(this::value)
			.map(Integer::parseInt)
			.max(Integer::compare);
	}

	static String databaseOfUrl(String url) {
		String withoutJdbc = url.startsWith("jdbc:") ? url.substring(5) : url;
		String path = URI.create(withoutJdbc).getPath();
		return (path == null || path.length() <= 1) ? "" : path.substring(1);
	}

	static String hostAndPortOfUrl(String url, int defaultPort) {
		URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
		return uri.getHost() + ":" + ((uri.getPort() != -1) ? uri.getPort() : defaultPort);
	}

	private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(prefix + "[" + i + "]", node.get(i), into);
			}
		}
		else {
			into.put(prefix, node.asText());
		}
	}

}
