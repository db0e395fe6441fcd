package com.example.shop.order.command.adapter.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.example.shop.order.command.application.OrderCommands;
import com.example.shop.order.command.application.OrderHistory;
import com.example.shop.order.command.application.OrderNotFoundException;
import com.example.shop.order.command.application.OrderVersion;
import com.example.shop.order.command.application.PlaceOrder;
import com.example.shop.order.command.config.OrderCommandProperties;
import com.example.shop.order.command.domain.CustomerId;
import com.example.shop.order.command.domain.Order;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.order.command.domain.OrderLine;
import com.example.shop.order.command.domain.ShippingAddress;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.MessageTracing;
import com.example.shop.platform.eventing.store.RecordedEvent;
import com.example.shop.platform.web.IdempotencyKeyHeader;
import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Caller;
import com.example.shop.platform.web.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Commands on orders, and the one read the command side offers: an order's audit trail as
 * of an instant. Reads of current state belong to the query service, where
 * {@code Location} points.
 */
@RestController
@RequestMapping("/orders")
@Tag(name = "Orders", description = "Placing and cancelling orders, and the events of an order")
class OrderController {

	private final OrderCommands commands;

	private final OrderHistory history;

	private final OrderCommandProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final Causes causes;

	OrderController(OrderCommands commands, OrderHistory history, OrderCommandProperties properties, JsonMapper json,
			Clock clock, Causes causes) {
		this.commands = commands;
		this.history = history;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.causes = causes;
	}

	/**
	 * Places an order: 201 with its id and version ({@code ETag}) and a {@code Location}
	 * on the query service. Retrying with the same {@code Idempotency-Key} and body
	 * returns the same order.
	 */
	@PostMapping
	@Allow({ Role.CUSTOMER, Role.SALES })
	@Operation(summary = "Place an order",
			description = "The order is PENDING until the fulfilment saga confirms or rejects it. A retry with the same "
					+ "Idempotency-Key and body answers the same order; the same key with another body is 422.")
	@ApiResponse(responseCode = "201", description = "Placed",
			headers = { @Header(name = "Location", description = "The order on the query service"),
					@Header(name = "ETag", description = "The order's version, e.g. \"1\"") })
	@ProblemResponses({ 400, 413, 422 })
	ResponseEntity<OrderResponse> place(
			@Parameter(description = "1 to 255 visible ASCII characters; " + "makes a retry safe",
					example = "3f1c2b7e-checkout-42") @RequestHeader(name = IdempotencyKeyHeader.NAME,
							required = false) String key,
			@Valid @RequestBody PlaceOrderRequest request, @RequestHeader HttpHeaders headers, Caller caller) {
		if (!caller.mayActFor(request.customerId())) {
			throw new AccessDeniedException("A customer places orders for themselves only");
		}
		String idempotencyKey = IdempotencyKeyHeader.validated(key);
		var lines = request.lines()
			.stream()
			.map((line) -> new OrderLine(line.sku(), line.quantity(), line.unitPrice(), line.currency()))
			.toList();
		var address = request.shippingAddress();
		OrderVersion placed = this.commands.place(
				new PlaceOrder(new CustomerId(request.customerId()), lines,
						new ShippingAddress(address.name(), address.street(), address.city(), address.postalCode(),
								address.country()),
						idempotencyKey, (idempotencyKey != null) ? fingerprint(request) : null),
				this.causes.ofRequest(headers, caller.name()));
		return ResponseEntity.created(URI.create(this.properties.queryBaseUrl() + "/orders/" + placed.orderId()))
			.eTag(String.valueOf(placed.version()))
			.body(new OrderResponse(placed.orderId().toString(), placed.version()));
	}

	/**
	 * Asks to cancel a pending order at the version in {@code If-Match}: 202, since the
	 * saga undoes what was done before the order is cancelled.
	 */
	@PostMapping("/{orderId}/cancellation")
	@Allow({ Role.CUSTOMER, Role.SALES, Role.OPERATIONS })
	@Operation(summary = "Ask to cancel a pending order",
			description = "Accepted at the version in If-Match; the saga undoes what was done, then cancels the order. "
					+ "409 when the order changed since that version or is no longer PENDING.")
	@ApiResponse(responseCode = "202", description = "Cancellation requested",
			headers = @Header(name = "ETag", description = "The order's new version"))
	@ProblemResponses({ 400, 404, 409, 428 })
	ResponseEntity<OrderResponse> requestCancellation(
			@Parameter(example = "0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b") @PathVariable String orderId,
			@Parameter(description = "The ETag of the version to cancel",
					example = "\"1\"") @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader HttpHeaders headers, Caller caller) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new MissingIfMatchException();
		}
		OrderId id = visibleOrder(orderId, caller);
		OrderVersion changed = this.commands.requestCancellation(id, version(ifMatch),
				this.causes.ofRequest(headers, caller.name()));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.eTag(String.valueOf(changed.version()))
			.body(new OrderResponse(changed.orderId().toString(), changed.version()));
	}

	/**
	 * The order's events up to {@code asOf} (default: now), with their metadata, and its
	 * state rebuilt from them.
	 */
	@GetMapping("/{orderId}/history")
	@Allow({ Role.CUSTOMER, Role.OPERATIONS })
	@Operation(summary = "The events of an order",
			description = "Every event up to asOf (default: now) with its metadata, and the order's state rebuilt from them.")
	@ApiResponse(responseCode = "200", description = "The order's events")
	@ProblemResponses({ 400, 404, 503 })
	OrderHistoryResponse history(
			@Parameter(example = "0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b") @PathVariable String orderId,
			@Parameter(description = "An ISO 8601 instant",
					example = "2026-12-02T10:00:00Z") @RequestParam(required = false) Instant asOf,
			Caller caller) {
		Instant at = (asOf != null) ? asOf : this.clock.instant();
		OrderHistory.Trail trail = this.history.asOf(visibleOrder(orderId, caller), at);
		return new OrderHistoryResponse(orderId, at, trail.state().version(),
				trail.state().isNew() ? null : state(trail.state().aggregate()),
				trail.events().stream().map(this::event).toList());
	}

	private static OrderHistoryResponse.State state(Order order) {
		var address = order.shippingAddress();
		return new OrderHistoryResponse.State(order.status().name(), order.customerId().value(),
				order.lines()
					.stream()
					.map((line) -> new OrderHistoryResponse.Line(line.sku(), line.quantity(), line.unitPrice()))
					.toList(),
				order.currency(), order.total(), new OrderHistoryResponse.Address(address.name(), address.street(),
						address.city(), address.postalCode(), address.country()),
				order.placedAt(), order.rejectionReason());
	}

	private OrderHistoryResponse.Event event(RecordedEvent event) {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("correlationId", event.metadata().correlationId());
		metadata.put("causationId", event.metadata().causationId());
		metadata.put("principal", event.metadata().principal());
		metadata.put("traceparent", event.metadata().traceparent());
		metadata.put("traceId", MessageTracing.traceId(event.metadata().traceparent()));
		return new OrderHistoryResponse.Event(event.version(), event.type(), event.schemaVersion(), event.timestamp(),
				this.json.readTree(event.data()), metadata);
	}

	/**
	 * The order, if the caller may see it: another customer's order is 404, exactly like
	 * an order that does not exist, so that a customer learns nothing of others' orders.
	 */
	private OrderId visibleOrder(String text, Caller caller) {
		OrderId id = orderId(text);
		if (caller.ownDataOnly()
				&& !this.history.customerOf(id).map((customer) -> caller.mayActFor(customer.value())).orElse(true)) {
			throw new OrderNotFoundException(id);
		}
		return id;
	}

	/**
	 * An id that is not a UUID names no order: 404, like any unknown order.
	 */
	private static OrderId orderId(String text) {
		try {
			return OrderId.of(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Order " + text + " does not exist");
		}
	}

	/**
	 * Reads a version from an ETag such as {@code "3"} or {@code W/"3"}.
	 */
	private static long version(String etag) {
		String value = etag.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		try {
			return Long.parseLong(value.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"If-Match must be an ETag of this API, such as \"3\", not " + etag);
		}
	}

	private String fingerprint(PlaceOrderRequest request) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(this.json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
