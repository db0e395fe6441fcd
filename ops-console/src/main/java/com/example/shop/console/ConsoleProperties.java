package com.example.shop.console;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the console finds what it shows.
 *
 * @param services each service's base URL, by its name ({@code order-command-service},
 * {@code order-query-service}, {@code payment-service}, {@code inventory-service},
 * {@code saga-orchestrator})
 * @param traceUrl a trace in the trace viewer, with {@code {traceId}} where its id goes;
 * blank when there is no viewer
 * @param sampleInterval how often the overview counts orders and sagas
 */
@ConfigurationProperties("shop.console")
@Validated
public record ConsoleProperties(@NotEmpty Map<String, URI> services, String traceUrl,
		@NotNull Duration sampleInterval) {

}
