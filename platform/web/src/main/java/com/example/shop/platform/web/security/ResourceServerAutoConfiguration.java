package com.example.shop.platform.web.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.platform.web.WebProperties;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every service is an OAuth2 resource server. A request needs a JWT from the configured
 * issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, found by
 * discovery; or its {@code jwk-set-uri}), signed by a key of its JWK set, current, and
 * for the API ({@code spring.security.oauth2.resourceserver.jwt.audiences}); otherwise
 * 401. Each operation then admits the roles of its {@link Allow} (otherwise 403), and
 * each person their rate ({@code shop.web.rate-limit.*}, otherwise 429). Public: the
 * probes, the OpenAPI document and Swagger UI, and the actuator, which listens only on
 * the management port ({@code management.server.port}), where no gateway or ingress
 * routes. No session, no cookies, so no CSRF to defend against; a token in the query
 * string is not read.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		ManagementWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class ResourceServerAutoConfiguration {

	static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

	@Bean
	SecurityFilterChain resourceServer(HttpSecurity http) {
		SecurityProblems problems = new SecurityProblems();
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/livez", "/readyz", "/error", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.anyRequest()
			.authenticated());
		// a refused token, and a request that needs one or a role it lacks, answered
		// alike
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
		}).authenticationEntryPoint(problems).accessDeniedHandler(problems));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		return http.build();
	}

	/**
	 * Spring Security's firewall, stricter about parameters: a query or form value with a
	 * control character is refused (400) like a path with one, since PostgreSQL stores no
	 * NUL and no operation takes such text.
	 */
	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedParameterValues((value) -> value.chars().noneMatch(Character::isISOControl));
		return firewall;
	}

	/**
	 * A service does not start without an audience to check: a token that another API's
	 * client obtained from the same issuer must not be accepted here.
	 */
	@Bean
	SmartInitializingSingleton audienceIsChecked(Environment environment) {
		return () -> {
			List<String> audiences = Binder.get(environment)
				.bind(AUDIENCES, Bindable.listOf(String.class))
				.orElse(List.of());
			if (audiences.isEmpty()) {
				throw new IllegalStateException("Set " + AUDIENCES + " (for example shop-api): a resource server must "
						+ "refuse tokens issued for another API");
			}
		};
	}

	/**
	 * The decoder that Spring Boot builds from the issuer's configuration, remembering
	 * what it verified ({@link VerifiedTokens}).
	 */
	@Bean
	static BeanPostProcessor verifiedTokens() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens))
						? new VerifiedTokens(decoder, Clock.systemUTC()) : bean;
			}

		};
	}

	@Bean
	AccessInterceptor accessInterceptor(WebProperties properties) {
		WebProperties.RateLimit limit = properties.rateLimit();
		return new AccessInterceptor(ResourceServerAutoConfiguration::needsRule,
				new PersonRateLimits(limit.requestsPerSecond(), limit.burst()));
	}

	/**
	 * Every controller needs an {@link Allow} on each operation, but the framework's own:
	 * the OpenAPI document, Swagger UI and the error page.
	 */
	static boolean needsRule(Class<?> controller) {
		String name = controller.getName();
		return !name.startsWith("org.springframework.") && !name.startsWith("org.springdoc.")
				&& !ErrorController.class.isAssignableFrom(controller);
	}

	@Bean
	WebMvcConfigurer accessRules(AccessInterceptor interceptor) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(interceptor);
			}

		};
	}

	/**
	 * A service does not start with an operation that has no {@link Allow}.
	 */
	@Bean
	SmartInitializingSingleton everyOperationHasAnAccessRule(ApplicationContext context) {
		return () -> {
			List<String> unruled = new ArrayList<>();
			context.getBeansOfType(RequestMappingHandlerMapping.class)
				.values()
				.forEach((mapping) -> mapping.getHandlerMethods().forEach((info, method) -> {
					if (needsRule(method.getBeanType()) && !method.hasMethodAnnotation(Allow.class)) {
						unruled.add(info + " (" + method + ")");
					}
				}));
			if (!unruled.isEmpty()) {
				throw new IllegalStateException(
						"Every operation needs an @Allow saying who may call it; these have" + " none: " + unruled);
			}
		};
	}

}
