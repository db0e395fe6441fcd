package com.example.shop.platform.testsupport.architecture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The rules every service keeps, inherited by its {@code ArchitectureTest}: no cycle
 * between its packages, adapters independent of each other, and no class of another
 * service. A service adds the rules of its own shape in its subclass; every rule fails on
 * empty packages, so none can pass by matching nothing.
 */
public abstract class ServiceArchitectureTests {

	private static final Map<String, JavaClasses> CLASSES = new ConcurrentHashMap<>();

	private final String base;

	/**
	 * @param base the service's base package, e.g. {@code com.example.shop.order.command}
	 */
	protected ServiceArchitectureTests(String base) {
		this.base = base;
	}

	/**
	 * The service's base package.
	 */
	protected final String base() {
		return this.base;
	}

	/**
	 * The service's production classes, imported once per test JVM.
	 */
	protected final JavaClasses productionClasses() {
		return CLASSES.computeIfAbsent(base(), ServiceArchitecture::classesOf);
	}

	@Test
	void packagesFormNoCycles() {
		ServiceArchitecture.packagesFormNoCycles(productionClasses(), base());
	}

	@Test
	void adaptersDoNotDependOnEachOther() {
		ServiceArchitecture.adaptersDoNotDependOnEachOther(productionClasses(), base());
	}

	@Test
	void noOtherServiceIsUsed() {
		ServiceArchitecture.usesNoOtherService(productionClasses(), base());
	}

}
