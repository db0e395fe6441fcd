package com.example.shop.platform.testsupport.architecture;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The rules of a service built around a domain model: the domain depends on the JDK and
 * on nothing else of the service's (or only on what {@link #domainMayAlsoUse()} names),
 * and dependencies point inwards from adapters through the application to the domain;
 * plus everything {@link ServiceArchitectureTests} checks.
 */
public abstract class LayeredServiceArchitectureTests extends ServiceArchitectureTests {

	private final List<Class<?>> domainMayAlsoUse;

	/**
	 * @param base the service's base package
	 * @param domainMayAlsoUse classes outside the JDK that the domain may use, e.g. the
	 * eventing library's {@code Aggregate} interface
	 */
	protected LayeredServiceArchitectureTests(String base, Class<?>... domainMayAlsoUse) {
		super(base);
		this.domainMayAlsoUse = List.of(domainMayAlsoUse);
	}

	@Test
	void domainDependsOnlyOnTheJdk() {
		DescribedPredicate<JavaClass> allowed = JavaClass.Predicates.resideInAnyPackage("java..", base() + ".domain..");
		for (Class<?> type : this.domainMayAlsoUse) {
			allowed = allowed.or(JavaClass.Predicates.equivalentTo(type));
		}
		classes().that()
			.resideInAPackage(base() + ".domain..")
			.should()
			.onlyDependOnClassesThat(allowed)
			.allowEmptyShould(false)
			.check(productionClasses());
	}

	@Test
	void layersPointInwards() {
		ServiceArchitecture.layersPointInwards(productionClasses(), base());
	}

}
