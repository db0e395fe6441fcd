package com.example.shop.saga;

import com.example.shop.platform.testsupport.architecture.LayeredServiceArchitectureTests;
import com.example.shop.platform.testsupport.architecture.ServiceArchitecture;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The shape of the service: the saga's state machine is plain Java at the centre, only
 * the messaging adapter speaks the published language, adapters outside, no cycles, no
 * other service; the common rules are {@link LayeredServiceArchitectureTests}'.
 */
class ArchitectureTest extends LayeredServiceArchitectureTests {

	private static final String BASE = "com.example.shop.saga";

	ArchitectureTest() {
		super(BASE);
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

}
