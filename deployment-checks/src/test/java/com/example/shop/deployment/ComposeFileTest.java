package com.example.shop.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is a valid Compose file: against the Compose Specification's JSON
 * Schema, and for {@code docker-compose config}, which also resolves anchors,
 * interpolation, the referenced files and profiles. No Docker engine is needed for
 * either.
 */
class ComposeFileTest {

	@Test
	void conformsToTheComposeSpecification() throws IOException {
		JsonNode specification;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/compose-spec.json")) {
			specification = Repository.JSON.readTree(in);
		}
		// The specification names its subschemas with draft 4's "id", a keyword that
		// later
		// drafts dropped (they use "$id"); the names are never referenced, so they go.
		specification.findParents("id").forEach((parent) -> {
			if (parent.path("id").isTextual()) {
				((ObjectNode) parent).remove("id");
			}
		});
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
			.getSchema(specification.toString(), InputFormat.JSON);
		List<Error> errors = schema.validate(ComposeDeployment.file().toString(), InputFormat.JSON);
		assertThat(errors).as("Compose Specification violations in docker-compose.yml").isEmpty();
	}

	@Test
	void dockerComposeAcceptsTheFileWithEveryProfile() throws Exception {
		List<String> command = new ArrayList<>(composeCommand());
		command.addAll(List.of("--file", Repository.path(ComposeDeployment.FILE).toString(), "--profile", "monitoring",
				"config", "--quiet"));
		Tools.runsCleanly(command);
	}

	@Test
	void publishesOnlyTheGatewayAndTheConsolesOfTracesAndMonitoring() {
		List<String> published = new ArrayList<>();
		ComposeDeployment.file().path("services").properties().forEach((service) -> {
			if (service.getValue().has("ports")) {
				published.add(service.getKey());
			}
		});
		assertThat(published).containsExactlyInAnyOrder("gateway", "zipkin", "prometheus", "grafana");
	}

	private static List<String> composeCommand() {
		if (Tools.onPath("docker-compose")) {
			return List.of("docker-compose");
		}
		throw new AssertionError("docker-compose is not on the PATH, so docker-compose.yml cannot be validated. "
				+ "Install it ('apt-get install -y docker-compose' on Debian or Ubuntu) and run the tests again; "
				+ ".ci/run installs it when it is missing.");
	}

}
