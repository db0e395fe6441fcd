package com.example.shop.order.command;

import com.example.shop.platform.eventing.aggregate.Aggregate;
import com.example.shop.platform.testsupport.architecture.LayeredServiceArchitectureTests;

/**
 * The shape of the service: a framework-free domain at the centre (it may use the
 * eventing library's {@code Aggregate} contract), adapters outside, no cycles, no other
 * service; the rules are {@link LayeredServiceArchitectureTests}'.
 */
class ArchitectureTest extends LayeredServiceArchitectureTests {

	ArchitectureTest() {
		super("com.example.shop.order.command", Aggregate.class);
	}

}
