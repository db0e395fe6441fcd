package com.example.shop.order.query;

import com.example.shop.platform.testsupport.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The shape of the query side: views and projections at the centre, adapters outside, no
 * cycles, no other service and none of the command side's domain. Every rule fails on
 * empty packages.
 */
class ArchitectureTest {

	private static final String BASE = "com.example.shop.order.query";

	private static final JavaClasses CLASSES = ServiceArchitecture.classesOf(BASE);

	@Test
	void adaptersDependOnViewsNeverTheOtherWayRound() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("view")
			.definedBy(BASE + ".view..")
			.layer("adapters")
			.definedBy(BASE + ".adapter..")
			.layer("config")
			.definedBy(BASE + ".config..")
			.whereLayer("adapters")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("view")
			.mayOnlyBeAccessedByLayers("adapters", "config")
			.check(CLASSES);
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
