package com.example.shop.order.query;

import java.util.List;

import com.example.shop.platform.testsupport.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The shape of the query side: one package per read model ({@code summary},
 * {@code revenue}, {@code manifest}) on top of the projection engine, which knows none of
 * them; the REST and Kafka adapters outside; no cycles between packages; no other
 * service. Every rule fails on empty packages.
 */
class ArchitectureTest {

	private static final String BASE = "com.example.shop.order.query";

	private static final List<String> FEATURES = List.of("summary", "revenue", "manifest");

	private static final JavaClasses CLASSES = ServiceArchitecture.classesOf(BASE);

	@Test
	void dependenciesPointFromAdaptersThroughFeaturesToTheEngine() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("engine")
			.definedBy(BASE + ".projection..")
			.layer("features")
			.definedBy(FEATURES.stream().map((feature) -> BASE + "." + feature + "..").toArray(String[]::new))
			.layer("adapters")
			.definedBy(BASE + ".adapter..")
			.layer("config")
			.definedBy(BASE + ".config..")
			.whereLayer("adapters")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("features")
			.mayOnlyBeAccessedByLayers("adapters", "config")
			.whereLayer("engine")
			.mayOnlyBeAccessedByLayers("features", "adapters", "config")
			.check(CLASSES);
	}

	@Test
	void readModelsDoNotDependOnEachOther() {
		for (String feature : FEATURES) {
			noClasses().that()
				.resideInAPackage(BASE + "." + feature + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(FEATURES.stream()
					.filter((other) -> !other.equals(feature))
					.map((other) -> BASE + "." + other + "..")
					.toArray(String[]::new))
				.allowEmptyShould(false)
				.check(CLASSES);
		}
	}

	@Test
	void packagesFormNoCycles() {
		ServiceArchitecture.packagesFormNoCycles(CLASSES, BASE);
	}

	@Test
	void adaptersDoNotDependOnEachOther() {
		ServiceArchitecture.adaptersDoNotDependOnEachOther(CLASSES, BASE);
	}

	@Test
	void noOtherServiceIsUsed() {
		ServiceArchitecture.usesNoOtherService(CLASSES, BASE);
	}

}
