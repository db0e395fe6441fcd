package com.example.shop.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders a kustomization with the {@code kustomize} CLI, or with the one built into
 * {@code kubectl}. Either must be installed: without one the manifests cannot be checked,
 * and the tests fail saying how to install it (.ci/run does).
 */
final class Kustomize {

	/** The overlays under k8s/overlays: every one is rendered and checked. */
	static final List<String> OVERLAYS = overlays();

	private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	/**
	 * The objects that {@code kustomize build} produces for a directory relative to the
	 * repository root, rendered once per test run.
	 */
	static List<JsonNode> render(String directory) {
		return RENDERED.computeIfAbsent(directory, Kustomize::run);
	}

	static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
		return objects.stream().filter((object) -> kind.equals(object.path("kind").asText())).toList();
	}

	static JsonNode named(List<JsonNode> objects, String kind, String name) {
		return ofKind(objects, kind).stream()
			.filter((object) -> name.equals(object.path("metadata").path("name").asText()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " named " + name));
	}

	private static List<JsonNode> run(String directory) {
		List<String> command = new ArrayList<>(command());
		command.add(Repository.path(directory).toString());
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
			byte[] out = process.getInputStream().readAllBytes();
			byte[] err = process.getErrorStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new AssertionError(
						"'" + String.join(" ", command) + "' failed:\n" + new String(err, StandardCharsets.UTF_8));
			}
			return Repository.parseYamlDocuments(new String(out, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static List<String> command() {
		if (Tools.onPath("kustomize")) {
			return List.of("kustomize", "build");
		}
		if (Tools.onPath("kubectl")) {
			return List.of("kubectl", "kustomize");
		}
		throw new AssertionError("Neither kustomize nor kubectl is on the PATH, so k8s/ cannot be rendered. "
				+ "Install kubectl 1.27 or newer (its built-in kustomize is v5) or kustomize v5 "
				+ "and run the tests again; .ci/run tries to install kubectl when it is missing.");
	}

	private static List<String> overlays() {
		try (var dirs = Files.list(Repository.path("k8s/overlays"))) {
			return dirs.filter((dir) -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
				.map((dir) -> "k8s/overlays/" + dir.getFileName())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new AssertionError("No k8s/overlays directory", ex);
		}
	}

	static String nameOf(JsonNode object) {
		return object.path("metadata").path("name").asText();
	}

}
