package com.example.shop.platform.testsupport.architecture;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules that hold for every service: it uses no other service, its packages form no
 * cycle, and its adapters do not know each other. Every rule fails when it matches no
 * class, so it cannot pass by checking nothing. Each service adds the layering rules of
 * its own shape.
 */
public final class ServiceArchitecture {

	/**
	 * The base package of every service: the one place that lists them.
	 */
	private static final List<String> SERVICES = List.of("com.example.shop.order.command",
			"com.example.shop.order.query", "com.example.shop.payment", "com.example.shop.inventory",
			"com.example.shop.saga");

	private ServiceArchitecture() {
	}

	/**
	 * The production classes of the service whose base package this is.
	 */
	public static JavaClasses classesOf(String base) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(base);
	}

	public static void usesNoOtherService(JavaClasses classes, String base) {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES.stream()
				.filter((other) -> !other.equals(base))
				.map((other) -> other + "..")
				.toArray(String[]::new))
			.allowEmptyShould(false)
			.check(classes);
	}

	/**
	 * No cycle between the service's packages, at any depth: no package depends on
	 * another that depends back on it, directly or round about.
	 */
	public static void packagesFormNoCycles(JavaClasses classes, String base) {
		slices().matching(base + ".(**)").should().beFreeOfCycles().allowEmptyShould(false).check(classes);
	}

	public static void adaptersDoNotDependOnEachOther(JavaClasses classes, String base) {
		slices().matching(base + ".adapter.(*)..")
			.should()
			.notDependOnEachOther()
			.allowEmptyShould(false)
			.check(classes);
	}

	/**
	 * Dependencies point inwards: adapters are used only by configuration, the
	 * application only by adapters and configuration, the domain by everything else.
	 */
	public static void layersPointInwards(JavaClasses classes, String base) {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("domain")
			.definedBy(base + ".domain..")
			.layer("application")
			.definedBy(base + ".application..")
			.layer("adapters")
			.definedBy(base + ".adapter..")
			.layer("config")
			.definedBy(base + ".config..")
			.whereLayer("adapters")
			.mayOnlyBeAccessedByLayers("config")
			.whereLayer("application")
			.mayOnlyBeAccessedByLayers("adapters", "config")
			.whereLayer("domain")
			.mayOnlyBeAccessedByLayers("application", "adapters", "config")
			.check(classes);
	}

}
