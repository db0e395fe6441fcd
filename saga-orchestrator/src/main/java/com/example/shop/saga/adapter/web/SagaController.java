package com.example.shop.saga.adapter.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.example.shop.platform.web.InvalidParameterException;
import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Role;
import com.example.shop.saga.application.FulfillmentSagas;
import com.example.shop.saga.application.SagaQueries;
import com.example.shop.saga.domain.OrderId;
import com.example.shop.saga.domain.SagaId;
import com.example.shop.saga.domain.SagaState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * first, pages from 0, size 1 to {@value #MAX_SIZE}), {@code GET /sagas/stuck} (what an
 * operator must look at) and {@code POST /sagas/{sagaId}/retry}, which answers 202 with
 * the resumed saga, or 409 when the saga is not in {@code COMPENSATION_FAILED}.
 */
@RestController
@RequestMapping("/sagas")
@Tag(name = "Sagas", description = "Order fulfilment sagas: their state, history and retry")
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

	/**
	 * @param sagas at most 100, in order of urgency
	 * @param total how many there are
	 * @param stuckAfterSeconds how far past its deadline a moving saga counts as stuck
	 */
	record Stuck(List<SagaView> sagas, long total, long stuckAfterSeconds) {

	}

	@Allow(Role.OPERATIONS)
	@GetMapping("/{sagaId}")
	@Operation(summary = "A saga",
			description = "State, step, attempt, deadline, failure reason, each participant's effect, step timings "
					+ "and full history.")
	@ApiResponse(responseCode = "200", description = "The saga")
	@ProblemResponses({ 400, 404, 503 })
	SagaView get(@Parameter(example = "7d0e2f4a-9c1b-4e5d-8f3a-2b6c1d0e9f8a") @PathVariable UUID sagaId) {
		return SagaView.of(this.queries.get(new SagaId(sagaId)));
	}

	@Allow(Role.OPERATIONS)
	@GetMapping
	@Operation(summary = "Sagas, newest first", description = "By order id and state; pages from 0, size 1 to 100.")
	@ApiResponse(responseCode = "200", description = "One page of sagas")
	@ProblemResponses({ 400, 503 })
	Page search(
			@Parameter(example = "0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b") @RequestParam(required = false) String orderId,
			@Parameter(example = "COMPENSATION_FAILED") @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
		SagaQueries.Page found = this.queries.search(orderId(orderId), state(state), page, size);
		return new Page(found.sagas().stream().map(SagaView::of).toList(), page, size, found.total());
	}

	@Allow(Role.OPERATIONS)
	@GetMapping("/stuck")
	@Operation(summary = "Sagas an operator must look at",
			description = "Those in COMPENSATION_FAILED first (retry them once the cause is fixed), then those still "
					+ "moving more than shop.saga.stuck-after (1 min) past their deadline, longest overdue first; "
					+ "at most 100, with the total.")
	@ApiResponse(responseCode = "200", description = "The stuck sagas")
	@ProblemResponses({ 503 })
	Stuck stuck() {
		SagaQueries.Stuck found = this.queries.stuck();
		return new Stuck(found.sagas().stream().map(SagaView::of).toList(), found.total(),
				found.stuckAfter().toSeconds());
	}

	@Allow(Role.OPERATIONS)
	@PostMapping("/{sagaId}/retry")
	@Operation(summary = "Retry a saga whose compensation failed",
			description = "Resumes it at the compensation that failed; 409 unless it is COMPENSATION_FAILED.")
	@ApiResponse(responseCode = "202", description = "Resumed")
	@ProblemResponses({ 400, 404, 409 })
	ResponseEntity<SagaView> retry(
			@Parameter(example = "7d0e2f4a-9c1b-4e5d-8f3a-2b6c1d0e9f8a") @PathVariable UUID sagaId) {
		return ResponseEntity.accepted().body(SagaView.of(this.sagas.retry(new SagaId(sagaId))));
	}

	private static OrderId orderId(String orderId) {
		if (orderId == null) {
			return null;
		}
		if (orderId.isBlank()) {
			throw new InvalidParameterException("orderId", "must not be blank");
		}
		return new OrderId(orderId);
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
