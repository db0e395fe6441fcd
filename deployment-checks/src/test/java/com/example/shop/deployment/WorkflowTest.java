package com.example.shop.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub Actions workflow for adopters, {@code .github/workflows/ci.yml}, checked
 * offline because it cannot run here: it is a valid workflow (the SchemaStore schema of
 * GitHub workflows), one job runs the same test command as {@code .ci/run}, and the other
 * starts docker-compose, runs {@code ./stack demo} through the gateway's published port
 * and always stops the stack.
 */
class WorkflowTest {

	private static final String FILE = ".github/workflows/ci.yml";

	private final JsonNode workflow = Repository.readYaml(FILE);

	@Test
	void isAValidGitHubWorkflow() throws IOException {
		Schema schema;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/github-workflow.json")) {
			schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
				.getSchema(Repository.JSON.readTree(in).toString(), InputFormat.JSON);
		}

		List<Error> errors = schema.validate(this.workflow.toString(), InputFormat.JSON);
		assertThat(errors).as("GitHub workflow schema violations in %s", FILE).isEmpty();
		JsonNode broken = Repository.readYaml(FILE);
		((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("jobs").path("verify")).remove("runs-on");
		assertThat(schema.validate(broken.toString(), InputFormat.JSON)).as("the check can fail").isNotEmpty();
	}

	@Test
	void runsTheTestCommandOfCi() {
		String ciCommand = Repository.read(".ci/run").strip().lines().reduce((first, second) -> second).orElseThrow();

		assertThat(ciCommand).startsWith("./mvnw");
		assertThat(runs("verify")).contains(ciCommand);
	}

	@Test
	void installsTheToolsThatCiInstalls() {
		Matcher installs = Pattern.compile("apt-get install -y -qq ([a-z0-9-]+)").matcher(Repository.read(".ci/run"));
		List<String> packages = new ArrayList<>();
		while (installs.find()) {
			packages.add(installs.group(1));
		}
		String steps = String.join("\n", runs("verify"));

		assertThat(packages).contains("docker-compose", "prometheus");
		for (String name : packages) {
			// GitHub's runners come with kubectl
			if (!name.equals("kubectl")) {
				assertThat(steps).as("the verify job installs %s, as .ci/run does", name)
					.containsPattern("apt-get install[^\n]* " + name + "(\\s|$)");
			}
		}
	}

	@Test
	void smokeTestsTheComposeStackThroughTheGateway() {
		List<String> steps = runs("compose-smoke");
		String gatewayPort = ComposeDeployment.file()
			.path("services")
			.path("gateway")
			.path("ports")
			.get(0)
			.asText()
			.replaceAll("^\\$\\{GATEWAY_PORT:-([0-9]+)\\}:.*$", "$1");

		assertThat(steps).anySatisfy((run) -> assertThat(run).startsWith("docker compose up").contains("--wait"));
		assertThat(steps).contains("./stack demo --gateway http://localhost:" + gatewayPort);
		JsonNode down = step("compose-smoke", "docker compose down");
		assertThat(down.path("if").asText()).isEqualTo("always()");
	}

	@Test
	void pinsEveryActionToAVersion() {
		this.workflow.path("jobs").forEach((job) -> job.path("steps").forEach((step) -> {
			if (step.has("uses")) {
				assertThat(step.path("uses").asText()).matches("[a-z-]+/[a-z-]+@v[0-9]+");
			}
		}));
	}

	private List<String> runs(String job) {
		List<String> runs = new ArrayList<>();
		this.workflow.path("jobs").path(job).path("steps").forEach((step) -> {
			if (step.has("run")) {
				runs.add(step.path("run").asText().strip());
			}
		});
		assertThat(runs).as("steps of job %s", job).isNotEmpty();
		return runs;
	}

	private JsonNode step(String job, String runPrefix) {
		for (JsonNode step : this.workflow.path("jobs").path(job).path("steps")) {
			if (step.path("run").asText().startsWith(runPrefix)) {
				return step;
			}
		}
		throw new AssertionError("No step of " + job + " runs " + runPrefix);
	}

}
