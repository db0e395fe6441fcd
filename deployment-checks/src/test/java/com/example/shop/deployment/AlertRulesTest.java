package com.example.shop.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules, {@code compose/prometheus/alerts.yml}: valid for Prometheus, each
 * alert proved by its unit test ({@code alerts.test.yml}, run with
 * {@code promtool test rules}), each with a severity, a summary and a runbook entry in
 * {@code docs/operations.md}, loaded by docker-compose's Prometheus, and carried group
 * for group by the Kubernetes overlay's {@code PrometheusRule}.
 */
class AlertRulesTest {

	private static final String RULES = "compose/prometheus/alerts.yml";

	private static final String RULE_TESTS = "compose/prometheus/alerts.test.yml";

	private final JsonNode rules = Repository.readYaml(RULES);

	@Test
	void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
		promtool("check", "rules", RULES);
		promtool("test", "rules", RULE_TESTS);
	}

	@Test
	void everyAlertHasASeverityASummaryARunbookEntryAndAUnitTestThatFiresIt() {
		String runbook = Repository.read("docs/operations.md");
		Set<String> fired = new TreeSet<>();
		for (JsonNode test : Repository.readYaml(RULE_TESTS).path("tests")) {
			for (JsonNode check : test.path("alert_rule_test")) {
				if (!check.path("exp_alerts").isEmpty()) {
					fired.add(check.path("alertname").asText());
				}
			}
		}
		List<String> alerts = new ArrayList<>();
		for (JsonNode rule : this.rules.findValues("rules").stream().flatMap((list) -> list.valueStream()).toList()) {
			String alert = rule.path("alert").asText();
			alerts.add(alert);
			assertThat(rule.path("labels").path("severity").asText()).as("severity of %s", alert)
				.isIn("warning", "critical");
			assertThat(rule.path("annotations").path("summary").asText()).as("summary of %s", alert).isNotBlank();
			assertThat(rule.path("annotations").path("runbook").asText()).as("runbook of %s", alert)
				.isEqualTo("docs/operations.md#" + alert.toLowerCase());
			assertThat(runbook).as("a runbook entry for %s in docs/operations.md", alert).contains("### " + alert);
		}
		assertThat(alerts).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
		assertThat(fired).as("alerts that a unit test fires").containsExactlyInAnyOrderElementsOf(alerts);
	}

	@Test
	void dockerComposePrometheusLoadsTheRules() {
		JsonNode prometheus = ComposeDeployment.file().path("services").path("prometheus");
		assertThat(ComposeDeployment.strings(prometheus.path("volumes")))
			.contains("./" + RULES + ":/etc/prometheus/alerts.yml:ro");
		assertThat(
				ComposeDeployment.strings(Repository.readYaml("compose/prometheus/prometheus.yml").path("rule_files")))
			.containsExactly("/etc/prometheus/alerts.yml");
	}

	@Test
	void theKubernetesOverlayCarriesTheSameRulesAndScrapesEveryService() {
		List<JsonNode> objects = Kustomize.render("k8s/overlays/prod");
		List<JsonNode> prometheusRules = Kustomize.ofKind(objects, "PrometheusRule");
		assertThat(prometheusRules).hasSize(1);
		assertThat(prometheusRules.get(0).path("spec").path("groups")).isEqualTo(this.rules.path("groups"));

		JsonNode monitor = Kustomize.named(objects, "ServiceMonitor", "shop");
		String partOf = monitor.path("spec")
			.path("selector")
			.path("matchLabels")
			.path("app.kubernetes.io/part-of")
			.asText();
		List<String> scraped = Kustomize.ofKind(objects, "Service")
			.stream()
			.filter((service) -> partOf
				.equals(service.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText()))
			.map((service) -> service.path("metadata").path("name").asText())
			.toList();
		assertThat(scraped).containsExactlyInAnyOrder("order-command-service", "order-query-service", "payment-service",
				"inventory-service", "saga-orchestrator", "ops-console");
		assertThat(monitor.path("spec").path("endpoints").path(0).path("path").asText())
			.isEqualTo("/actuator/prometheus");
	}

	private static void promtool(String... arguments) throws Exception {
		if (!Tools.onPath("promtool")) {
			throw new AssertionError("promtool is not on the PATH, so the alert rules cannot be checked. Install it "
					+ "('apt-get install -y prometheus' on Debian or Ubuntu ships it) and run the tests again; "
					+ ".ci/run installs it when it is missing.");
		}
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Tools.runsCleanly(command);
	}

}
