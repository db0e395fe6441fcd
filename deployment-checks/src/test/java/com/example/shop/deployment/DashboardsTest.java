package com.example.shop.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards as code: well formed, provisioned by docker compose, and carried
 * unchanged by the Kubernetes prod overlay. That every query returns series from the real
 * services is checked by the system tests' {@code DashboardsIT}.
 */
class DashboardsTest {

	private static final String DASHBOARDS = "compose/grafana/dashboards";

	@Test
	void everyDashboardHasAUniqueIdAndEveryPanelAQueryOnTheProvisionedPrometheus() {
		Set<String> datasources = new HashSet<>();
		Repository.readYaml("compose/grafana/provisioning/datasources/prometheus.yml")
			.path("datasources")
			.forEach((datasource) -> datasources.add(datasource.path("uid").asText()));
		Set<String> uids = new HashSet<>();
		dashboards().forEach((name, dashboard) -> {
			assertThat(uids.add(dashboard.path("uid").asText())).as("%s: a uid of its own", name).isTrue();
			assertThat(dashboard.path("title").asText()).as("%s: a title", name).startsWith("Shop: ");
			Set<Integer> ids = new HashSet<>();
			assertThat(dashboard.path("panels")).as("%s: panels", name).isNotEmpty();
			for (JsonNode panel : dashboard.path("panels")) {
				String title = name + ": " + panel.path("title").asText();
				assertThat(ids.add(panel.path("id").asInt())).as("%s: a panel id of its own", title).isTrue();
				assertThat(datasources).as("%s: its data source is provisioned", title)
					.contains(panel.path("datasource").path("uid").asText());
				assertThat(panel.path("targets")).as("%s: queries", title).isNotEmpty();
				panel.path("targets")
					.forEach(
							(target) -> assertThat(target.path("expr").asText()).as("%s: a query", title).isNotBlank());
			}
		});
	}

	@Test
	void dockerComposeProvisionsEveryDashboard() {
		JsonNode grafana = ComposeDeployment.file().path("services").path("grafana");
		assertThat(ComposeDeployment.strings(grafana.path("volumes")))
			.contains("./" + DASHBOARDS + ":/var/lib/grafana/dashboards:ro");
		assertThat(Repository.readYaml("compose/grafana/provisioning/dashboards/shop.yml")
			.path("providers")
			.path(0)
			.path("options")
			.path("path")
			.asText()).isEqualTo("/var/lib/grafana/dashboards");
	}

	@Test
	void theKubernetesProdOverlayCarriesTheSameDashboardsForGrafanasSidecar() {
		JsonNode configMap = Kustomize.named(Kustomize.render("k8s/overlays/prod"), "ConfigMap", "shop-dashboards");
		assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
		Map<String, String> carried = new TreeMap<>();
		configMap.path("data").properties().forEach((entry) -> carried.put(entry.getKey(), entry.getValue().asText()));
		Map<String, String> dashboards = new TreeMap<>();
		files().forEach((file) -> dashboards.put(file.getFileName().toString(), Repository.read(file)));
		assertThat(carried).isEqualTo(dashboards);
	}

	private static Map<String, JsonNode> dashboards() {
		Map<String, JsonNode> dashboards = new TreeMap<>();
		for (Path file : files()) {
			try {
				dashboards.put(file.getFileName().toString(), Repository.JSON.readTree(file.toFile()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		assertThat(dashboards).as("dashboards in " + DASHBOARDS).hasSizeGreaterThanOrEqualTo(3);
		return dashboards;
	}

	private static List<Path> files() {
		try (Stream<Path> files = Files.list(Repository.path(DASHBOARDS))) {
			return new ArrayList<>(files.filter((file) -> file.toString().endsWith(".json")).sorted().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
