package com.example.shop.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * In every servlet web service: the {@link RequestSizeLimitFilter}, with its limit from
 * {@link WebProperties} ({@code shop.web.max-request-bytes}, 64 KB by default).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class WebAutoConfiguration {

	@Bean
	RequestSizeLimitFilter requestSizeLimitFilter(WebProperties properties) {
		return new RequestSizeLimitFilter(properties.maxRequestBytes().toBytes());
	}

}
