package com.example.shop.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository under test: its root, its files, and YAML read the same way everywhere.
 */
final class Repository {

	static final Path ROOT = findRoot();

	static final ObjectMapper YAML = YAMLMapper.builder().build();

	static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private Repository() {
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	static String read(String relative) {
		return read(path(relative));
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + ROOT.relativize(file.toAbsolutePath()), ex);
		}
	}

	static JsonNode readYaml(String relative) {
		return parseYaml(read(relative));
	}

	/**
	 * YAML read as YAML 1.1 tools such as Compose read it, with merge keys
	 * ({@code <<: *x}) resolved.
	 */
	static JsonNode readYamlWithMergeKeys(String relative) {
		Object document = new org.yaml.snakeyaml.Yaml().load(read(relative));
		return JSON.valueToTree(document);
	}

	static JsonNode parseYaml(String yaml) {
		try {
			return YAML.readTree(yaml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every document of a multi-document YAML stream, empty documents left out.
	 */
	static List<JsonNode> parseYamlDocuments(String yaml) {
		List<JsonNode> documents = new ArrayList<>();
		try (var parser = new YAMLFactory().createParser(yaml)) {
			var values = YAML.readValues(parser, JsonNode.class);
			while (values.hasNext()) {
				JsonNode document = values.next();
				if (document != null && !document.isNull() && !document.isMissingNode()) {
					documents.add(document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	/**
	 * The modules of the root POM, in build order.
	 */
	static List<String> modules() {
		List<String> modules = new ArrayList<>();
		Matcher matcher = MODULE.matcher(read("pom.xml"));
		while (matcher.find()) {
			modules.add(matcher.group(1));
		}
		return modules;
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("No repository root (a directory with docker-compose.yml and mvnw) above "
				+ Path.of("").toAbsolutePath());
	}

}
