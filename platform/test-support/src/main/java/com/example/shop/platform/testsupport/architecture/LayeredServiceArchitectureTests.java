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

	/**
	 * Classes outside the JDK that the domain may use, e.g. the eventing library's
	 * {@code Aggregate} interface; none unless a service says so.
	 */
	protected List<Class<?>> domainMayAlsoUse() {
		return List.of();
	}

	@Test
	void domainDependsOnlyOnTheJdk() {
		DescribedPredicate<JavaClass> allowed = JavaClass.Predicates.resideInAnyPackage("java..", base() + ".domain..");
		for (Class<?> type : domainMayAlsoUse()) {
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
