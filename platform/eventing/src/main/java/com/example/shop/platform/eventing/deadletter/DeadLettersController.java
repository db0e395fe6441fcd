package com.example.shop.platform.eventing.deadletter;

import java.util.List;

import com.example.shop.platform.eventing.deadletter.DeadLetter.Status;
import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Caller;
import com.example.shop.platform.web.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead letters of the topics this service consumes, for operators:
 * {@code GET /dead-letters}, {@code GET /dead-letters/{topic}?status=&after=&size=},
 * {@code GET /dead-letters/{topic}/{id}}, {@code POST .../{id}/redrive}, {@code POST
 * /dead-letters/{topic}/redrive} (a selection) and {@code POST .../{id}/discard}.
 */
@RestController
@RequestMapping("/dead-letters")
@Tag(name = "Dead letters",
		description = "Records this service could not process: look at them, send them back to their topic once the "
				+ "cause is fixed, or discard them")
class DeadLettersController {

	private static final String ID = "\\d{1,9}-\\d{1,18}";

	private static final String TOPIC_EXAMPLE = "payments.commands";

	private final DeadLetters deadLetters;

	DeadLettersController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	record DeadLetterTopics(List<DeadLetters.DeadLetterTopic> topics) {

	}

	/**
	 * @param reason why, for the record
	 */
	@Schema(example = "{\"reason\": \"The product's stock was corrected\"}")
	record RedriveRequest(
			@Size(max = 500) @Schema(example = "The product's stock was corrected") @Nullable String reason) {

	}

	/**
	 * @param ids the dead letters, {@code <partition>-<offset>} each
	 * @param reason why, for the record
	 */
	@Schema(example = "{\"ids\": [\"0-41\", \"0-42\"], \"reason\": \"The product's stock was corrected\"}")
	record RedriveSelection(
			@NotEmpty @Size(max = 100) @Schema(
					example = "[\"0-41\", \"0-42\"]") List<@NotNull @Pattern(regexp = ID) String> ids,
			@Size(max = 500) @Schema(example = "The product's stock was corrected") @Nullable String reason) {

	}

	/**
	 * @param outcomes one per distinct id, in the order given
	 */
	record RedriveOutcomes(List<DeadLetters.RedriveOutcome> outcomes) {

	}

	/**
	 * @param reason why it need not be processed: required
	 */
	@Schema(example = "{\"reason\": \"A test order placed by mistake\"}")
	record DiscardRequest(
			@NotBlank @Size(max = 500) @Schema(example = "A test order placed by mistake") String reason) {

	}

	@Allow(Role.OPERATIONS)
	@GetMapping
	@Operation(summary = "The topics this service consumes, with their dead letters counted",
			description = "How many dead letters of each topic this service has, and how many wait for a decision.")
	@ApiResponse(responseCode = "200", description = "The topics")
	@ProblemResponses({ 503 })
	DeadLetterTopics topics() {
		return new DeadLetterTopics(this.deadLetters.topics());
	}

	@Allow(Role.OPERATIONS)
	@GetMapping("/{topic}")
	@Operation(summary = "A topic's dead letters",
			description = "In partition and offset order, with key, headers, payload, cause, attempts and what became "
					+ "of each; only those in a status if one is given; size 1 to 100. A page names the id the next "
					+ "starts after (next); 404 for a topic this service does not consume.")
	@ApiResponse(responseCode = "200", description = "One page of dead letters")
	@ProblemResponses({ 400, 404, 503 })
	DeadLetters.DeadLetterPage page(@Parameter(example = TOPIC_EXAMPLE) @PathVariable String topic,
			@Parameter(example = "PENDING") @RequestParam(required = false) @Nullable Status status,
			@Parameter(example = "0-41") @RequestParam(required = false) @Pattern(regexp = ID) @Nullable String after,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.deadLetters.page(topic, after, status, size);
	}

	@Allow(Role.OPERATIONS)
	@GetMapping("/{topic}/{id}")
	@Operation(summary = "A dead letter", description = "By its id, <partition>-<offset> in the dead-letter topic.")
	@ApiResponse(responseCode = "200", description = "The dead letter")
	@ProblemResponses({ 400, 404, 503 })
	DeadLetter get(@Parameter(example = TOPIC_EXAMPLE) @PathVariable String topic,
			@Parameter(example = "0-42") @PathVariable @Pattern(regexp = ID) String id) {
		return this.deadLetters.get(topic, id);
	}

	@Allow(Role.OPERATIONS)
	@PostMapping("/{topic}/{id}/redrive")
	@Operation(summary = "Send a dead letter back to its topic",
			description = "Once its cause is fixed: with its key, payload and headers, its message id among them, so "
					+ "a consumer that did apply it skips it. If it fails again it comes back as a new dead letter. "
					+ "Recorded with the caller and the reason; 409 if it was redriven or discarded already.")
	@ApiResponse(responseCode = "200", description = "Redriven")
	@ProblemResponses({ 400, 404, 409, 503 })
	DeadLetter redrive(@Parameter(example = TOPIC_EXAMPLE) @PathVariable String topic,
			@Parameter(example = "0-42") @PathVariable @Pattern(regexp = ID) String id,
			@Valid @RequestBody RedriveRequest request, Caller caller) {
		return this.deadLetters.redrive(topic, id, caller.name(), request.reason());
	}

	@Allow(Role.OPERATIONS)
	@PostMapping("/{topic}/redrive")
	@Operation(summary = "Send a selection of dead letters back to their topic",
			description = "Each as if alone, in the order given; one that cannot be (404, 409, 503) does not stop the "
					+ "others, and its outcome says why. At most 100.")
	@ApiResponse(responseCode = "200", description = "What became of each")
	@ProblemResponses({ 400, 404 })
	RedriveOutcomes redriveSelection(@Parameter(example = TOPIC_EXAMPLE) @PathVariable String topic,
			@Valid @RequestBody RedriveSelection request, Caller caller) {
		return new RedriveOutcomes(this.deadLetters.redrive(topic, request.ids(), caller.name(), request.reason()));
	}

	@Allow(Role.OPERATIONS)
	@PostMapping("/{topic}/{id}/discard")
	@Operation(summary = "Discard a dead letter",
			description = "Leaves it for good, recorded with the caller and the reason (required); 409 if it was "
					+ "redriven or discarded already.")
	@ApiResponse(responseCode = "200", description = "Discarded")
	@ProblemResponses({ 400, 404, 409, 503 })
	DeadLetter discard(@Parameter(example = TOPIC_EXAMPLE) @PathVariable String topic,
			@Parameter(example = "0-42") @PathVariable @Pattern(regexp = ID) String id,
			@Valid @RequestBody DiscardRequest request, Caller caller) {
		return this.deadLetters.discard(topic, id, caller.name(), request.reason());
	}

}
