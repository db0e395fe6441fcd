package com.example.shop.order.query.adapter.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.example.shop.order.query.view.ProjectionCatalog;
import com.example.shop.order.query.view.ProjectionMonitor;
import com.example.shop.order.query.view.ProjectionRebuilder;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /projections}: each projection's state, the collection serving it, the
 * offsets it applied and its lag. {@code POST /projections/{name}/rebuild}: 202 and a
 * rebuild from offset 0 while the current view keeps serving; 409 while one runs; 404 for
 * an unknown projection.
 */
@RestController
class ProjectionsController {

	private final ProjectionCatalog catalog;

	private final ProjectionMonitor monitor;

	private final ProjectionRebuilder rebuilder;

	ProjectionsController(ProjectionCatalog catalog, ProjectionMonitor monitor, ProjectionRebuilder rebuilder) {
		this.catalog = catalog;
		this.monitor = monitor;
		this.rebuilder = rebuilder;
	}

	record ProjectionStatus(String name, String state, String collection, long generation, String rebuildCollection,
			Instant switchedAt, Map<Integer, Long> positions, Instant lastAppliedAt, double lagP50Millis,
			double lagP99Millis) {
	}

	@GetMapping("/projections")
	List<ProjectionStatus> projections() {
		ProjectionMonitor.Status live = this.monitor.status();
		return this.catalog.all()
			.stream()
			.map((pointer) -> new ProjectionStatus(pointer.id(), pointer.state(), pointer.collection(),
					pointer.generation(), pointer.rebuildCollection(), pointer.switchedAt(), live.positions(),
					live.lastAppliedAt(), live.lagP50Millis(), live.lagP99Millis()))
			.toList();
	}

	@PostMapping("/projections/{name}/rebuild")
	ResponseEntity<Map<String, String>> rebuild(@PathVariable String name) {
		if (!ProjectionCatalog.ORDER_SUMMARY.equals(name)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection named " + name);
		}
		String target = this.rebuilder.start(name);
		if (target == null) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "A rebuild of " + name + " is running already");
		}
		return ResponseEntity.accepted().body(Map.of("name", name, "state", "REBUILDING", "collection", target));
	}

}
