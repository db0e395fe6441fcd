package com.example.shop.order.query.adapter.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.shop.order.query.config.QueryProperties;
import com.example.shop.order.query.summary.OrderSummaries;
import com.example.shop.order.query.summary.OrderSummary;
import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Caller;
import com.example.shop.platform.web.security.Role;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /orders/{orderId}}: the order summary, with its version as {@code ETag}. An
 * order whose {@code OrderPlaced} the view has not applied yet is unknown (404), even
 * when its payment or inventory events have arrived already.
 * <p>
 * <b>Read your own writes.</b> A client that just changed an order passes the version the
 * command side answered as {@code minVersion}; the read waits up to
 * {@code shop.query.read-your-writes-timeout} (2 s) for the view to reach it. If it does
 * not, the answer is 503 with {@code Retry-After: 1} and the view's
 * {@code currentVersion}, never stale data presented as current.
 */
@RestController
@Tag(name = "Orders", description = "The customer's view of orders: one order, or a customer's orders")
class OrderSummaryController {

	private static final Duration POLL = Duration.ofMillis(20);

	private final OrderSummaries summaries;

	private final QueryProperties properties;

	private final AtomicInteger waiting = new AtomicInteger();

	OrderSummaryController(OrderSummaries summaries, QueryProperties properties, MeterRegistry meters) {
		this.summaries = summaries;
		this.properties = properties;
		Gauge.builder("query.reads.waiting", this.waiting, AtomicInteger::get)
			.description("Reads of an order summary waiting for the view to reach the minVersion they asked for")
			.register(meters);
	}

	@GetMapping("/orders/{orderId}")
	@Allow({ Role.CUSTOMER, Role.SALES, Role.OPERATIONS })
	@Operation(summary = "An order's summary",
			description = "With minVersion (the ETag a command answered), waits a bounded time for the view to reach "
					+ "it; if it is still behind, 503 with Retry-After and currentVersion.")
	@ApiResponse(responseCode = "200", description = "The order",
			headers = @Header(name = "ETag", description = "The order's version"))
	@ProblemResponses({ 400, 404, 503 })
	ResponseEntity<OrderSummaryResponse> summary(
			@Parameter(example = "0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b") @PathVariable String orderId,
			@Parameter(description = "Read your own writes: the version to wait for",
					example = "1") @RequestParam(required = false) Long minVersion,
			Caller caller) throws InterruptedException {
		Instant deadline = Instant.now().plus(this.properties.readYourWritesTimeout());
		while (true) {
			OrderSummary summary = this.summaries.find(orderId);
			if (summary != null && !caller.mayActFor(summary.customerId())) {
				// another customer's order is one that does not exist, version and all
				summary = null;
			}
			long version = (summary != null) ? summary.version() : 0;
			if (minVersion == null || version >= minVersion) {
				if (summary == null || !summary.isPlaced()) {
					throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Order " + orderId + " does not exist");
				}
				return ResponseEntity.ok().eTag(String.valueOf(version)).body(OrderSummaryResponse.of(summary));
			}
			if (Instant.now().isAfter(deadline)) {
				throw new ViewBehindException(orderId, version, minVersion);
			}
			this.waiting.incrementAndGet();
			try {
				Thread.sleep(POLL);
			}
			finally {
				this.waiting.decrementAndGet();
			}
		}
	}

}
