package com.example.shop.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A service started whole on a random port, connected to the real PostgreSQL, Kafka and
 * MongoDB of {@link TestInfrastructure}, with a {@link TopicProbe} and a
 * {@link ServiceApi} to autowire.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import({ TopicProbe.class, ServiceApi.class })
public @interface ServiceIntegrationTest {

}
