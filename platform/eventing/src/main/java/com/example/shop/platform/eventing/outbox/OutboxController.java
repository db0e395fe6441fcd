package com.example.shop.platform.eventing.outbox;

import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /outbox}: how many messages this service has not yet published, and how long
 * the oldest has waited; what the operations console's overview shows per service.
 */
@RestController
@Tag(name = "Outbox", description = "Messages written with a change and not yet published to Kafka")
public class OutboxController {

	private final Outbox outbox;

	public OutboxController(Outbox outbox) {
		this.outbox = outbox;
	}

	@Allow(Role.OPERATIONS)
	@GetMapping("/outbox")
	@Operation(summary = "The outbox's backlog",
			description = "Rows not yet published and the age of the oldest in seconds (0 for none): the same figures "
					+ "as the outbox.backlog and outbox.oldest.age metrics.")
	@ApiResponse(responseCode = "200", description = "The backlog")
	@ProblemResponses({ 503 })
	Outbox.Backlog backlog() {
		return this.outbox.backlog();
	}

}
