package com.example.shop.platform.web;

import com.example.shop.platform.web.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In every servlet web service: the {@link RequestSizeLimitFilter}, with its limit from
 * {@link WebProperties} ({@code shop.web.max-request-bytes}, 64 KB by default), and the
 * {@link AdmissionControlFilter} ({@code shop.web.admission.*}), which runs early, so
 * that a shed request costs as little as possible, and the {@link RequestLogContext},
 * which puts the correlation id and the ids in the path into every line logged.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class WebAutoConfiguration {

	/**
	 * The OpenAPI document of every service, completed the same way.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenApiCustomizer.class)
	@EnableConfigurationProperties(ApiProperties.class)
	static class ApiDocumentationConfiguration {

		static {
			// a handler that reads all request headers takes no parameter a client sends
			SpringDocUtils.getConfig().addRequestWrapperToIgnore(HttpHeaders.class);
			// the caller comes from the token, not from a parameter
			SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
			// a JSON tree in an answer is free-form JSON, not Jackson's node type
			SpringDocUtils.getConfig()
				.replaceWithSchema(JsonNode.class, new ObjectSchema().description("Any JSON object"));
		}

		@Bean
		ApiDocumentation apiDocumentation(ApiProperties properties) {
			return new ApiDocumentation(properties);
		}

		@Bean
		OperationCustomizer problemResponses() {
			return ApiDocumentation::document;
		}

	}

	/**
	 * The correlation id in the logging context of every request, set before any other
	 * filter logs.
	 */
	@Bean
	FilterRegistrationBean<RequestLogContext.CorrelationFilter> correlationFilter() {
		var registration = new FilterRegistrationBean<>(new RequestLogContext.CorrelationFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * The ids a request's path names in its logging context.
	 */
	@Bean
	WebMvcConfigurer pathVariablesInLogContext() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new RequestLogContext.PathVariablesInterceptor());
			}

		};
	}

	@Bean
	RequestSizeLimitFilter requestSizeLimitFilter(WebProperties properties) {
		return new RequestSizeLimitFilter(properties.maxRequestBytes().toBytes());
	}

	@Bean
	FilterRegistrationBean<AdmissionControlFilter> admissionControlFilter(WebProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		WebProperties.Admission admission = properties.admission();
		var filter = new AdmissionControlFilter(admission.maxConcurrentCommands(), admission.maxWaitingCommands(),
				admission.maxWait(), admission.retryAfter(), meters.getIfAvailable(SimpleMeterRegistry::new));
		var registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

}
