package com.example.shop.inventory.adapter.web;

import java.net.URI;

import com.example.shop.inventory.application.ProductCommands;
import com.example.shop.inventory.application.ProductNotFoundException;
import com.example.shop.inventory.application.ProductStock;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.platform.eventing.Causes;
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

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Products and their stock. Reservations and shipments are not made here: they come from
 * the fulfilment saga over Kafka.
 */
@RestController
@RequestMapping("/products")
@Tag(name = "Products", description = "Products and their stock: creation, restocks and levels")
class ProductController {

	private final ProductCommands products;

	private final Causes causes;

	ProductController(ProductCommands products, Causes causes) {
		this.products = products;
		this.causes = causes;
	}

	/**
	 * Creates the product with its initial stock: 201 with a {@code Location}. The same
	 * request again is 200 with the product as it is now; another initial stock for an
	 * existing product is 409 (stock changes go through restocks).
	 */
	@PutMapping("/{sku}")
	@Allow(Role.WAREHOUSE)
	@Operation(summary = "Create a product with its initial stock",
			description = "The same request again answers 200 with the product as it is now; another initial stock "
					+ "for an existing product is 409 (stock changes go through restocks).")
	@ApiResponse(responseCode = "201", description = "Created",
			headers = { @Header(name = "Location", description = "The product"),
					@Header(name = "ETag", description = "The product's version") })
	@ApiResponse(responseCode = "200", description = "It existed with this initial stock already",
			headers = @Header(name = "ETag", description = "The product's version"))
	@ProblemResponses({ 400, 409, 413, 415 })
	ResponseEntity<ProductResponse> create(@Parameter(example = "SKU-1") @PathVariable String sku,
			@Valid @RequestBody ProductRequests.CreateProduct request, @RequestHeader HttpHeaders headers,
			Caller caller) {
		if (!Sku.isValid(sku)) {
			throw new InvalidFieldException("sku", Sku.DESCRIPTION);
		}
		ProductCommands.Creation creation = this.products.create(new Sku(sku), request.stock(),
				this.causes.ofRequest(headers, caller.name()));
		ResponseEntity.BodyBuilder response = creation.created()
				? ResponseEntity.created(URI.create("/products/" + sku)) : ResponseEntity.ok();
		return withVersion(response, creation.product());
	}

	/**
	 * Receives more units of the product: 200 with its stock now. With an
	 * {@code Idempotency-Key}, a retry of the same restock adds nothing and answers 200
	 * with the stock as it is then; the key with another product or quantity is 422.
	 * Without one, each request adds its quantity once more.
	 */
	@PostMapping("/{sku}/restocks")
	@Allow(Role.WAREHOUSE)
	@Operation(summary = "Receive more units of a product",
			description = "With an Idempotency-Key, a retry of the same restock adds nothing and answers the stock as "
					+ "it is then; the key with another product or quantity is 422. Without one, each request adds "
					+ "its quantity.")
	@ApiResponse(responseCode = "200", description = "Restocked",
			headers = @Header(name = "ETag", description = "The product's new version"))
	@ProblemResponses({ 400, 404, 409, 413, 415, 422 })
	ResponseEntity<ProductResponse> restock(@Parameter(example = "SKU-1") @PathVariable String sku,
			@Parameter(description = "1 to 255 visible ASCII characters; makes a retry safe",
					example = "delivery-2026-12-02-1") @RequestHeader(name = IdempotencyKeyHeader.NAME,
							required = false) String key,
			@Valid @RequestBody ProductRequests.Restock request, @RequestHeader HttpHeaders headers, Caller caller) {
		return withVersion(ResponseEntity.ok(), this.products.restock(existing(sku), request.quantity(),
				IdempotencyKeyHeader.validated(key), this.causes.ofRequest(headers, caller.name())));
	}

	/**
	 * The product's stock: available, reserved, shipped and received.
	 */
	@GetMapping("/{sku}")
	@Allow({ Role.WAREHOUSE, Role.SALES })
	@Operation(summary = "A product's stock", description = "Available, reserved, shipped and received units.")
	@ApiResponse(responseCode = "200", description = "The product",
			headers = @Header(name = "ETag", description = "The product's version"))
	@ProblemResponses({ 404, 503 })
	ResponseEntity<ProductResponse> get(@Parameter(example = "SKU-1") @PathVariable String sku) {
		return withVersion(ResponseEntity.ok(), this.products.find(existing(sku)));
	}

	private static ResponseEntity<ProductResponse> withVersion(ResponseEntity.BodyBuilder response,
			ProductStock stock) {
		return response.eTag(String.valueOf(stock.version())).body(ProductResponse.of(stock));
	}

	/**
	 * A SKU of another form names no product: 404, like any unknown product.
	 */
	private static Sku existing(String sku) {
		if (!Sku.isValid(sku)) {
			throw new ProductNotFoundException(sku);
		}
		return new Sku(sku);
	}

}
