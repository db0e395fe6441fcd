package com.example.shop.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * In every servlet web service: the {@link RequestSizeLimitFilter}, with its limit from
 * {@link WebProperties} ({@code shop.web.max-request-bytes}, 64 KB by default), and the
 * {@link AdmissionControlFilter} ({@code shop.web.admission.*}), which runs first, so
 * that a shed request costs as little as possible.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class WebAutoConfiguration {

	@Bean
	RequestSizeLimitFilter requestSizeLimitFilter(WebProperties properties) {
		return new RequestSizeLimitFilter(properties.maxRequestBytes().toBytes());
	}

	@Bean
	FilterRegistrationBean<AdmissionControlFilter> admissionControlFilter(WebProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		WebProperties.Admission admission = properties.admission();
		var filter = new AdmissionControlFilter(admission.maxConcurrentCommands(), admission.maxWait(),
				admission.retryAfter(), meters.getIfAvailable(SimpleMeterRegistry::new));
		var registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

}
