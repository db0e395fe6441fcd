package com.example.shop.order.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the query side: views and projections at the centre, adapters outside, no
 * cycles, no other service and none of the command side's domain. Every rule fails on
 * empty packages.
 */
class ArchitectureTest {

	private static final String BASE = "com.example.shop.order.query";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

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
	void adaptersDoNotDependOnEachOther() {
		slices().matching(BASE + ".adapter.(*)..")
			.should()
			.notDependOnEachOther()
			.allowEmptyShould(false)
			.check(CLASSES);
	}

	@Test
	void noOtherServiceIsUsed() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.example.shop.order.command..", "com.example.shop.payment..",
					"com.example.shop.inventory..", "com.example.shop.saga..")
			.allowEmptyShould(false)
			.check(CLASSES);
	}

}
