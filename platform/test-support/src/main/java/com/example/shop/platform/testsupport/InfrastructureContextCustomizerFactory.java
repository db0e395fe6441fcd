package com.example.shop.platform.testsupport;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts the {@link InfrastructurePropertySource} first in the environment of every test
 * context of a {@link RealInfrastructure} test, above {@code application.yml}.
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

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new InfrastructurePropertySource(TestInfrastructure.get()));
		}

	}

}
