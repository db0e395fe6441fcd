package com.example.shop.platform.web;

import com.example.shop.platform.web.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In every servlet web service: the {@link RequestSizeLimitFilter}, with its limit from
 * {@link WebProperties} ({@code shop.web.max-request-bytes}, 64 KB by default), and the
 * {@link AdmissionControlFilter} ({@code shop.web.admission.*}), which runs early, so
 * that a shed request costs as little as possible, and the {@link RequestLogContext},
 * which puts the correlation id and the ids in the path into every line logged. Errors
 * that no controller answers are problem details too ({@link ErrorProblems}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
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
	 * Tomcat's own errors as problem details ({@link ErrorProblems.Valve}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class TomcatErrorProblemsConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorProblems() {
			return (factory) -> factory.addContextCustomizers((context) -> ((StandardHost) context.getParent())
				.setErrorReportValveClass(ErrorProblems.Valve.class.getName()));
		}

	}

	/**
	 * Probes and scrapes ({@code /livez}, {@code /readyz}, {@code /actuator/**}) are not
	 * traffic: they start no trace and stay out of {@code http.server.requests}, whose
	 * error ratio and latency then describe what clients asked for.
	 */
	@Bean
	ObservationPredicate probesAreNotTraffic() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext server)
				|| !isProbe(server.getCarrier().getRequestURI());
	}

	static boolean isProbe(String path) {
		return path.equals("/livez") || path.equals("/readyz") || path.startsWith("/actuator/");
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

	/**
	 * No NUL in text from a request body ({@link NulFreeText}); Spring Boot registers the
	 * module with its JSON mapper.
	 */
	@Bean
	JacksonModule nulFreeText() {
		return NulFreeText.module();
	}

	/**
	 * Problem details for errors no controller answers, in place of Spring Boot's error
	 * JSON ({@code /error}) and Tomcat's HTML error page.
	 */
	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ErrorProblems.Controller errorProblems() {
		return new ErrorProblems.Controller();
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
