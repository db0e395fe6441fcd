package com.example.shop.order.query.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.example.shop.order.query.manifest.ManifestEntry;
import com.example.shop.order.query.manifest.ShippingManifest;
import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /shipments?date=}: the warehouse's shipping manifest of a UTC day (ISO
 * date): every shipment created that day, in the order they were created, with the ones
 * called back since marked {@code CANCELLED}. A missing or malformed date is a 400
 * problem.
 */
@RestController
@Tag(name = "Shipments", description = "The warehouse's shipping manifest")
class ShipmentsController {

	private final ShippingManifest manifest;

	ShipmentsController(ShippingManifest manifest) {
		this.manifest = manifest;
	}

	/**
	 * @param timeZone the time zone of the day: always {@code UTC}
	 */
	record Manifest(LocalDate date, String timeZone, List<ManifestShipment> shipments) {
	}

	/**
	 * @param status {@code CREATED}, or {@code CANCELLED} once called back
	 */
	record ManifestShipment(String orderId, String trackingNumber, String status, ManifestEntry.Destination destination,
			List<ManifestEntry.ShippedLine> lines, Instant shippedAt, Instant cancelledAt) {
	}

	@GetMapping("/shipments")
	@Allow(Role.WAREHOUSE)
	@Operation(summary = "The shipments of one UTC day", description = "In the order they were created.")
	@ApiResponse(responseCode = "200", description = "The manifest")
	@ProblemResponses({ 400, 503 })
	Manifest shipments(@Parameter(example = "2026-12-02") @RequestParam @DateTimeFormat(
			iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return new Manifest(date, "UTC",
				this.manifest.of(date)
					.stream()
					.map((entry) -> new ManifestShipment(entry.id(), entry.trackingNumber(), entry.status(),
							entry.destination(), entry.lines(), entry.shippedAt(), entry.cancelledAt()))
					.toList());
	}

}
