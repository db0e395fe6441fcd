package com.example.shop.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test of the whole system: the one {@link SystemUnderTest} of the run, and a client of
 * the shop's APIs of its own for the class. A subclass's own {@code @BeforeAll} runs
 * after this one's, and its {@code @AfterAll} before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SystemTest {

	protected SystemUnderTest system;

	protected ShopClient shop;

	@BeforeAll
	void startSystem() {
		this.system = SystemUnderTest.get();
		this.shop = this.system.client();
	}

	@AfterAll
	void closeClient() {
		this.shop.close();
	}

}
