package com.example.shop.console;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the console finds what it shows: each service's base URL (one property each, so
 * that a deployment sets them as plain environment variables, such as
 * {@code SHOP_CONSOLE_SAGAORCHESTRATOR}), the trace viewer, and how often the overview
 * counts.
 *
 * @param traceUrl a trace in the trace viewer, with {@code {traceId}} where its id goes;
 * blank when there is no viewer
 * @param sampleInterval how often the overview counts orders and sagas
 */
@ConfigurationProperties("shop.console")
@Validated
public record ConsoleProperties(@NotNull URI orderCommandService, @NotNull URI orderQueryService,
		@NotNull URI paymentService, @NotNull URI inventoryService, @NotNull URI sagaOrchestrator, String traceUrl,
		@NotNull Duration sampleInterval) {

	/** The services by name, in the order the pages list them. */
	Map<String, URI> services() {
		Map<String, URI> services = new LinkedHashMap<>();
		services.put("order-command-service", this.orderCommandService);
		services.put("order-query-service", this.orderQueryService);
		services.put("payment-service", this.paymentService);
		services.put("inventory-service", this.inventoryService);
		services.put("saga-orchestrator", this.sagaOrchestrator);
		return services;
	}

}
