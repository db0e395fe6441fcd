package com.example.shop.saga;

import com.example.shop.platform.testsupport.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The shape of the service: the saga's state machine is plain Java at the centre,
 * adapters outside, no cycles, no other service. Every rule fails on empty packages, so a
 * rule cannot pass by matching nothing.
 */
class ArchitectureTest {

	private static final String BASE = "com.example.shop.saga";

	private static final JavaClasses CLASSES = ServiceArchitecture.classesOf(BASE);

	@Test
	void domainDependsOnlyOnTheJdk() {
		ArchRule rule = classes().that()
			.resideInAPackage(BASE + ".domain..")
			.should()
			.onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", BASE + ".domain.."))
			.allowEmptyShould(false);
		rule.check(CLASSES);
	}

	@Test
	void onlyTheMessagingAdapterSpeaksTheContracts() {
		ArchRule rule = classes().that()
			.resideInAPackage("com.example.shop.contracts..")
			.should()
			.onlyBeAccessed()
			.byAnyPackage(BASE + ".adapter.messaging..", BASE + ".config..", "com.example.shop.contracts..",
					"com.example.shop.platform.eventing..")
			.allowEmptyShould(false);
		rule.check(ServiceArchitecture.classesOf("com.example.shop"));
	}

	@Test
	void layersPointInwards() {
		ServiceArchitecture.layersPointInwards(CLASSES, BASE);
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
