package com.example.shop.payment;

import java.util.List;

import com.example.shop.platform.eventing.aggregate.Aggregate;
import com.example.shop.platform.testsupport.architecture.LayeredServiceArchitectureTests;

/**
 * The shape of the service: a framework-free domain at the centre (it may use the
 * eventing library's {@code Aggregate} contract), adapters outside, no cycles, no other
 * service; the rules are {@link LayeredServiceArchitectureTests}'.
 */
class ArchitectureTest extends LayeredServiceArchitectureTests {

	private static final String BASE = "com.example.shop.payment";

	@Override
	protected String base() {
		return BASE;
	}

	@Override
	protected List<Class<?>> domainMayAlsoUse() {
		return List.of(Aggregate.class);
	}

}
