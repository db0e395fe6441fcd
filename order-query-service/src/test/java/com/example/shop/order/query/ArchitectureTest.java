package com.example.shop.order.query;

import java.util.ArrayList;
import java.util.List;

import com.example.shop.platform.testsupport.architecture.ServiceArchitectureTests;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the query side: one package per read model on top of the projection
 * engine, which knows none of them; the REST, Kafka and MongoDB adapters outside, and the
 * only code besides the configuration that knows Kafka or MongoDB; plus the rules of
 * {@link ServiceArchitectureTests}. A read model is any package of the service other than
 * {@code projection}, {@code adapter} and {@code config}, so a new one is checked as soon
 * as it exists.
 */
class ArchitectureTest extends ServiceArchitectureTests {

	private static final String BASE = "com.example.shop.order.query";

	private static final List<String> NOT_READ_MODELS = List.of("projection", "adapter", "config");

	ArchitectureTest() {
		super(BASE);
	}

	@Test
	void dependenciesPointFromAdaptersThroughReadModelsToTheEngine() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("engine")
			.definedBy(BASE + ".projection..")
			.layer("read models")
			.definedBy(readModels().stream().map((model) -> BASE + "." + model + "..").toArray(String[]::new))
			.layer("adapters")
			.definedBy(BASE + ".adapter..")
			.layer("config")
			.definedBy(BASE + ".config..")
			.whereLayer("adapters")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("read models")
			.mayOnlyBeAccessedByLayers("adapters", "config")
			.whereLayer("engine")
			.mayOnlyBeAccessedByLayers("read models", "adapters", "config")
			.check(productionClasses());
	}

	@Test
	void onlyTheAdaptersAndTheConfigurationKnowKafkaAndMongoDb() {
		List<String> inner = new ArrayList<>(readModels().stream().map((model) -> BASE + "." + model + "..").toList());
		inner.add(BASE + ".projection..");
		noClasses().that()
			.resideInAnyPackage(inner.toArray(String[]::new))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "com.mongodb..", "org.bson..",
					"org.springframework.data.mongodb..")
			.allowEmptyShould(false)
			.check(productionClasses());
	}

	@Test
	void readModelsDoNotDependOnEachOther() {
		List<String> models = readModels();
		assertThat(models).contains("summary", "revenue", "manifest");
		for (String model : models) {
			noClasses().that()
				.resideInAPackage(BASE + "." + model + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(models.stream()
					.filter((other) -> !other.equals(model))
					.map((other) -> BASE + "." + other + "..")
					.toArray(String[]::new))
				.allowEmptyShould(false)
				.check(productionClasses());
		}
	}

	/**
	 * The first segment below the base of every package but the engine, the adapters and
	 * the configuration.
	 */
	private List<String> readModels() {
		return productionClasses().stream()
			.map(JavaClass::getPackageName)
			.filter((name) -> name.startsWith(BASE + "."))
			.map((name) -> name.substring(BASE.length() + 1).split("\\.")[0])
			.distinct()
			.filter((segment) -> !NOT_READ_MODELS.contains(segment))
			.sorted()
			.toList();
	}

}
