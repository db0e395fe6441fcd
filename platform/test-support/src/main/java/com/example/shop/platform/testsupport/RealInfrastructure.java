package com.example.shop.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring test context connected to the real PostgreSQL, Kafka and MongoDB of
 * {@link TestInfrastructure}. Combine with {@code @SpringBootTest}; a whole service uses
 * {@link ServiceIntegrationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(InfrastructureContextCustomizerFactory.class)
public @interface RealInfrastructure {

}
