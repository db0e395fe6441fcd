package com.example.shop.inventory;

import com.example.shop.platform.eventing.aggregate.Aggregate;
import com.example.shop.platform.testsupport.architecture.LayeredServiceArchitectureTests;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape of the service: a framework-free domain at the centre, one package per
 * aggregate over what they share, adapters outside, no cycles, no other service; the
 * common rules are {@link LayeredServiceArchitectureTests}'.
 */
class ArchitectureTest extends LayeredServiceArchitectureTests {

	private static final String BASE = "com.example.shop.inventory";

	ArchitectureTest() {
		super(BASE, Aggregate.class);
	}

	@Test
	void aProductKnowsNoAllocationAndTheSharedKernelNoAggregate() {
		noClasses().that()
			.resideInAPackage(BASE + ".domain.product..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".domain.allocation..")
			.allowEmptyShould(false)
			.check(productionClasses());
		noClasses().that()
			.resideInAPackage(BASE + ".domain")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".domain.product..", BASE + ".domain.allocation..")
			.allowEmptyShould(false)
			.check(productionClasses());
	}

}
