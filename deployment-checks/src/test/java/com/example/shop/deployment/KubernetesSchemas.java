package com.example.shop.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validates a Kubernetes object against the schema of its kind: the Kubernetes API types
 * of the fabric8 model (with the Prometheus Operator's, from its OpenShift model) and the
 * Strimzi API for the Strimzi resources, both read strictly (no field they do not know,
 * no scalar of the wrong type), and a JSON Schema transcribed from the operator's CRD for
 * CloudNativePG and the MongoDB operator, whose APIs are not published as Java types
 * (src/test/resources/schemas/crd).
 */
final class KubernetesSchemas {

	private static final Map<String, String> TYPES = Map.ofEntries(
			Map.entry("v1/Namespace", "io.fabric8.kubernetes.api.model.Namespace"),
			Map.entry("v1/ConfigMap", "io.fabric8.kubernetes.api.model.ConfigMap"),
			Map.entry("v1/Service", "io.fabric8.kubernetes.api.model.Service"),
			Map.entry("apps/v1/Deployment", "io.fabric8.kubernetes.api.model.apps.Deployment"),
			Map.entry("apps/v1/StatefulSet", "io.fabric8.kubernetes.api.model.apps.StatefulSet"),
			Map.entry("batch/v1/Job", "io.fabric8.kubernetes.api.model.batch.v1.Job"),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
					"io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler"),
			Map.entry("policy/v1/PodDisruptionBudget", "io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget"),
			Map.entry("networking.k8s.io/v1/NetworkPolicy",
					"io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy"),
			Map.entry("gateway.networking.k8s.io/v1/Gateway", "io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway"),
			Map.entry("gateway.networking.k8s.io/v1/HTTPRoute",
					"io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute"),
			Map.entry("kafka.strimzi.io/v1/Kafka", "io.strimzi.api.kafka.model.kafka.Kafka"),
			Map.entry("kafka.strimzi.io/v1/KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool"),
			Map.entry("kafka.strimzi.io/v1/KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic"),
			Map.entry("monitoring.coreos.com/v1/ServiceMonitor",
					"io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor"),
			Map.entry("monitoring.coreos.com/v1/PrometheusRule",
					"io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule"));

	private static final Map<String, String> CRD_SCHEMAS = Map.of("postgresql.cnpg.io/v1/Cluster",
			"schemas/crd/postgresql.cnpg.io_v1_Cluster.json", "postgresql.cnpg.io/v1/Database",
			"schemas/crd/postgresql.cnpg.io_v1_Database.json", "mongodbcommunity.mongodb.com/v1/MongoDBCommunity",
			"schemas/crd/mongodbcommunity.mongodb.com_v1_MongoDBCommunity.json");

	/** Strict: a string where a number belongs is an error, not a silent conversion. */
	private static final ObjectMapper STRICT = JsonMapper.builder()
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
		.build();

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private KubernetesSchemas() {
	}

	/**
	 * The schema violations of one object, each as a sentence; empty when it is valid.
	 */
	static List<String> violations(JsonNode object) {
		String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
		String type = TYPES.get(key);
		if (type != null) {
			return typedViolations(object, type);
		}
		String schema = CRD_SCHEMAS.get(key);
		if (schema != null) {
			return schemaViolations(object, schema);
		}
		return List.of("no schema for " + key + ": add its type or CRD schema to " + KubernetesSchemas.class.getName());
	}

	static List<String> schemaViolations(JsonNode object, String schemaResource) {
		try (InputStream in = KubernetesSchemas.class.getClassLoader().getResourceAsStream(schemaResource)) {
			if (in == null) {
				return List.of("missing schema resource " + schemaResource);
			}
			Schema schema = REGISTRY.getSchema(in);
			return schema.validate(object.toString(), InputFormat.JSON).stream().map(Error::toString).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> typedViolations(JsonNode object, String type) {
		Object model;
		try {
			model = STRICT.treeToValue(object, Class.forName(type));
		}
		catch (Exception ex) {
			return List.of("does not read as " + type + ": " + ex.getMessage());
		}
		List<String> unknown = new ArrayList<>();
		collectUnknownFields("", model, unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
		return unknown;
	}

	/**
	 * The generated model keeps any field it does not know in
	 * {@code additionalProperties} instead of failing: every such field is a field the
	 * API server would reject or drop.
	 */
	private static void collectUnknownFields(String path, Object value, List<String> unknown, Set<Object> seen) {
		if (value == null || !seen.add(value)) {
			return;
		}
		if (value instanceof Collection<?> collection) {
			int i = 0;
			for (Object element : collection) {
				collectUnknownFields(path + "[" + i++ + "]", element, unknown, seen);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> collectUnknownFields(path + "." + k, v, unknown, seen));
			return;
		}
		String typeName = value.getClass().getName();
		if (!typeName.startsWith("io.fabric8.") && !typeName.startsWith("io.strimzi.")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
					|| !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
				continue;
			}
			Object property;
			try {
				property = getter.invoke(value);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				continue;
			}
			if (getter.getName().equals("getAdditionalProperties") && property instanceof Map<?, ?> extra) {
				extra.keySet().forEach((field) -> unknown.add("unknown field " + path + "." + field));
			}
			else if (property != null && !(property instanceof Class<?>)) {
				String name = getter.getName().replaceFirst("^(get|is)", "");
				collectUnknownFields(path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), property,
						unknown, seen);
			}
		}
	}

}
