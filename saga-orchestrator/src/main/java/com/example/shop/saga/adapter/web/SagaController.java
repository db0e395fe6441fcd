package com.example.shop.saga.adapter.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.example.shop.saga.application.FulfillmentSagas;
import com.example.shop.saga.application.SagaQueries;
import com.example.shop.saga.domain.SagaId;
import com.example.shop.saga.domain.SagaState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sagas/{sagaId}}, {@code GET /sagas?orderId=&state=&page=&size=} (newest
 * first, pages from 0, size 1 to {@value #MAX_SIZE}) and {@code POST
 * /sagas/{sagaId}/retry}, which answers 202 with the resumed saga, or 409 when the saga
 * is not in {@code COMPENSATION_FAILED}.
 */
@RestController
@RequestMapping("/sagas")
class SagaController {

	static final int MAX_SIZE = 100;

	private final SagaQueries queries;

	private final FulfillmentSagas sagas;

	SagaController(SagaQueries queries, FulfillmentSagas sagas) {
		this.queries = queries;
		this.sagas = sagas;
	}

	record Page(List<SagaView> sagas, int page, int size, long totalElements) {

	}

	@GetMapping("/{sagaId}")
	SagaView get(@PathVariable UUID sagaId) {
		return SagaView.of(this.queries.get(new SagaId(sagaId)));
	}

	@GetMapping
	Page search(@RequestParam(required = false) String orderId, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
		SagaQueries.Page found = this.queries.search(orderId, state(state), page, size);
		return new Page(found.sagas().stream().map(SagaView::of).toList(), page, size, found.total());
	}

	@PostMapping("/{sagaId}/retry")
	ResponseEntity<SagaView> retry(@PathVariable UUID sagaId) {
		return ResponseEntity.accepted().body(SagaView.of(this.sagas.retry(new SagaId(sagaId))));
	}

	private static SagaState state(String state) {
		if (state == null) {
			return null;
		}
		try {
			return SagaState.valueOf(state);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException("state", "must be one of " + Arrays.toString(SagaState.values()));
		}
	}

}
