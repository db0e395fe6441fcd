package com.example.shop.platform.testsupport;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts the {@link InfrastructurePropertySource} in the environment of every test context
 * of a {@link RealInfrastructure} test, above {@code application.yml} but below what a
 * test sets itself ({@code @DynamicPropertySource}, {@code @TestPropertySource}), so that
 * a test can reach a store another way, for instance through a proxy that it breaks.
 */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new InfrastructureContextCustomizer();
	}

	/**
	 * A record, so that equal customizers let test classes share a cached application
	 * context.
	 */
	record InfrastructureContextCustomizer() implements ContextCustomizer {

		private static final List<String> TEST_OWN = List.of("Dynamic Test Properties", "Inlined Test Properties");

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			InfrastructurePropertySource infrastructure = new InfrastructurePropertySource(TestInfrastructure.get());
			String lowestOfTheTests = null;
			for (PropertySource<?> source : sources) {
				if (TEST_OWN.contains(source.getName())) {
					lowestOfTheTests = source.getName();
				}
			}
			if (lowestOfTheTests != null) {
				sources.addAfter(lowestOfTheTests, infrastructure);
			}
			else {
				sources.addFirst(infrastructure);
			}
		}

	}

}
