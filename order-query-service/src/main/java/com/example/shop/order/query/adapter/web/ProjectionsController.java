package com.example.shop.order.query.adapter.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.example.shop.order.query.projection.ProjectionCatalog;
import com.example.shop.order.query.projection.ProjectionMonitor;
import com.example.shop.order.query.projection.ProjectionRebuilder;
import com.example.shop.order.query.projection.Projections;
import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /projections}: each projection ({@code order-summary},
 * {@code revenue-report}, {@code shipping-manifest}) with its state, the collection
 * serving it, the offsets it applied per topic partition and its lag. {@code POST
 * /projections/{name}/rebuild}: 202 and a rebuild from offset 0 while the current view
 * keeps serving; 409 while one of that projection runs; 404 for an unknown projection.
 */
@RestController
@Tag(name = "Projections", description = "The read models' state, positions and lag; rebuilds")
class ProjectionsController {

	private final ProjectionCatalog catalog;

	private final ProjectionMonitor monitor;

	private final ProjectionRebuilder rebuilder;

	ProjectionsController(ProjectionCatalog catalog, ProjectionMonitor monitor, ProjectionRebuilder rebuilder) {
		this.catalog = catalog;
		this.monitor = monitor;
		this.rebuilder = rebuilder;
	}

	/**
	 * @param positions the last offset the live projection applied per topic partition,
	 * e.g. {@code orders.events-0}
	 */
	record ProjectionStatus(String name, String state, String collection, long generation, String rebuildCollection,
			Instant switchedAt, Map<String, Long> positions, Instant lastAppliedAt, double lagP50Millis,
			double lagP99Millis) {
	}

	@GetMapping("/projections")
	@Allow(Role.OPERATIONS)
	@Operation(summary = "Every projection's state",
			description = "State (LIVE or REBUILDING), collection, positions per topic partition and lag p50/p99.")
	@ApiResponse(responseCode = "200", description = "The projections")
	@ProblemResponses({ 503 })
	List<ProjectionStatus> projections() {
		return this.catalog.all().stream().map((pointer) -> {
			ProjectionMonitor.Status live = this.monitor.status(pointer.id());
			return new ProjectionStatus(pointer.id(), pointer.state(), pointer.collection(), pointer.generation(),
					pointer.rebuildCollection(), pointer.switchedAt(), live.positions(), live.lastAppliedAt(),
					live.lagP50Millis(), live.lagP99Millis());
		}).toList();
	}

	@PostMapping("/projections/{name}/rebuild")
	@Allow(Role.OPERATIONS)
	@Operation(summary = "Rebuild a projection from its topics",
			description = "Replays into a fresh collection while the current one serves, then switches reads to it. "
					+ "409 while a rebuild of it runs.")
	@ApiResponse(responseCode = "202", description = "Rebuild started")
	@ProblemResponses({ 404, 409 })
	ResponseEntity<Map<String, String>> rebuild(@Parameter(example = "order-summary") @PathVariable String name) {
		if (!this.catalog.isKnown(name)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection named " + name);
		}
		String target = this.rebuilder.start(name);
		if (target == null) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "A rebuild of " + name + " is running already");
		}
		return ResponseEntity.accepted().body(Map.of("name", name, "state", "REBUILDING", "collection", target));
	}

}
