package com.example.shop.inventory.adapter.web;

import java.net.URI;

import com.example.shop.inventory.application.ProductCommands;
import com.example.shop.inventory.application.ProductNotFoundException;
import com.example.shop.inventory.application.ProductStock;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.web.IdempotencyKeyHeader;
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
class ProductController {

	private final ProductCommands products;

	ProductController(ProductCommands products) {
		this.products = products;
	}

	/**
	 * Creates the product with its initial stock: 201 with a {@code Location}. The same
	 * request again is 200 with the product as it is now; another initial stock for an
	 * existing product is 409 (stock changes go through restocks).
	 */
	@PutMapping("/{sku}")
	ResponseEntity<ProductResponse> create(@PathVariable String sku,
			@Valid @RequestBody ProductRequests.CreateProduct request, @RequestHeader HttpHeaders headers) {
		if (!Sku.isValid(sku)) {
			throw new InvalidFieldException("sku", Sku.DESCRIPTION);
		}
		ProductCommands.Creation creation = this.products.create(new Sku(sku), request.stock(),
				Causes.ofRequest(headers));
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
	ResponseEntity<ProductResponse> restock(@PathVariable String sku,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key,
			@Valid @RequestBody ProductRequests.Restock request, @RequestHeader HttpHeaders headers) {
		return withVersion(ResponseEntity.ok(), this.products.restock(existing(sku), request.quantity(),
				IdempotencyKeyHeader.validated(key), Causes.ofRequest(headers)));
	}

	/**
	 * The product's stock: available, reserved, shipped and received.
	 */
	@GetMapping("/{sku}")
	ResponseEntity<ProductResponse> get(@PathVariable String sku) {
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
