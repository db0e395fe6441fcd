package com.example.shop.order.query.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.example.shop.order.query.summary.OrderSummaries;
import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Caller;
import com.example.shop.platform.web.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /customers/{customerId}/orders?status=&page=&size=}: a customer's orders,
 * newest first, from the order summary view. Pages count from 0; a size above
 * {@value #MAX_SIZE} is capped to it (the answer says which size it used). Invalid
 * parameters are 400 problem details.
 */
@RestController
@Tag(name = "Orders", description = "The customer's view of orders: one order, or a customer's orders")
class CustomerOrdersController {

	static final int MAX_SIZE = 100;

	private final OrderSummaries summaries;

	CustomerOrdersController(OrderSummaries summaries) {
		this.summaries = summaries;
	}

	record Page(String customerId, String status, int page, int size, long totalElements, long totalPages,
			List<Entry> orders) {
	}

	record Entry(String orderId, String status, BigDecimal total, String currency, Instant placedAt, long version) {
	}

	@GetMapping("/customers/{customerId}/orders")
	@Allow({ Role.CUSTOMER, Role.SALES, Role.OPERATIONS })
	@Operation(summary = "A customer's orders, newest first",
			description = "One page; status filters; size defaults to 20 and is capped at 100. A customer asking for "
					+ "another customer's orders gets 404.")
	@ApiResponse(responseCode = "200", description = "One page of orders")
	@ProblemResponses({ 400, 404, 503 })
	Page orders(
			@Parameter(example = "C-000123") @PathVariable @Pattern(regexp = "C-\\d{6}",
					message = "must look like C-000123") String customerId,
			@RequestParam(required = false) @Pattern(
					regexp = "PENDING|CANCELLATION_REQUESTED|CONFIRMED|REJECTED|CANCELLED",
					message = "must be one of PENDING, CANCELLATION_REQUESTED, CONFIRMED, REJECTED, CANCELLED") String status,
			@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) int size,
			Caller caller) {
		if (!caller.mayActFor(customerId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No orders of customer " + customerId);
		}
		int effectiveSize = Math.min(size, MAX_SIZE);
		OrderSummaries.CustomerOrders found = this.summaries.ofCustomer(customerId, status, page, effectiveSize);
		long total = found.total();
		List<Entry> orders = found.orders()
			.stream()
			.map((summary) -> new Entry(summary.id(), summary.status(), summary.total(), summary.currency(),
					summary.placedAt(), summary.version()))
			.toList();
		return new Page(customerId, status, page, effectiveSize, total, (total + effectiveSize - 1) / effectiveSize,
				orders);
	}

}
