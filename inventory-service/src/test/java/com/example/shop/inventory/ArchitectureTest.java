package com.example.shop.inventory;

import com.example.shop.platform.eventing.aggregate.Aggregate;
import com.example.shop.platform.testsupport.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape of the service: a framework-free domain at the centre, one package per
 * aggregate over what they share, adapters outside, no cycles, no other service. Every
 * rule fails on empty packages, so a rule cannot pass by matching nothing.
 */
class ArchitectureTest {

	private static final String BASE = "com.example.shop.inventory";

	private static final JavaClasses CLASSES = ServiceArchitecture.classesOf(BASE);

	@Test
	void domainDependsOnlyOnTheJdkAndTheAggregateContract() {
		ArchRule rule = classes().that()
			.resideInAPackage(BASE + ".domain..")
			.should()
			.onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", BASE + ".domain..")
				.or(JavaClass.Predicates.equivalentTo(Aggregate.class)))
			.allowEmptyShould(false);
		rule.check(CLASSES);
	}

	@Test
	void aProductKnowsNoAllocationAndTheSharedKernelNoAggregate() {
		noClasses().that()
			.resideInAPackage(BASE + ".domain.product..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".domain.allocation..")
			.allowEmptyShould(false)
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage(BASE + ".domain")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".domain.product..", BASE + ".domain.allocation..")
			.allowEmptyShould(false)
			.check(CLASSES);
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
