package com.example.shop.console;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /sagas?state=}: the sagas an operator must look at first (those in
 * {@code COMPENSATION_FAILED}, then the stuck ones), then the sagas in a state, newest
 * first; {@code /sagas/{sagaId}/retry} asks to confirm, then retries the saga.
 */
@Controller
class SagasController {

	static final Set<String> STATES = Set.of("PROCESSING", "COMPENSATING", "COMPLETED", "REJECTED", "CANCELLED",
			"COMPENSATION_FAILED");

	private static final String ORCHESTRATOR = "saga-orchestrator";

	private final Services services;

	SagasController(Services services) {
		this.services = services;
	}

	@GetMapping("/sagas")
	String sagas(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String selected = (state != null && STATES.contains(state)) ? state : "";
		int from = Math.max(0, Math.min(page, 10_000));
		model.addAttribute("states", STATES.stream().sorted().toList());
		model.addAttribute("state", selected);
		model.addAttribute("stuck", this.services.get(ORCHESTRATOR, "/sagas/stuck"));
		model.addAttribute("page", this.services.get(ORCHESTRATOR,
				"/sagas?page={page}&size=20" + (selected.isEmpty() ? "" : "&state=" + selected), from));
		if (state != null && !state.isEmpty() && selected.isEmpty()) {
			model.addAttribute("message", "There is no state " + state + "; showing every state.");
		}
		return "sagas";
	}

	@GetMapping("/sagas/{sagaId}/retry")
	String confirmRetry(@PathVariable String sagaId, Model model) {
		model.addAttribute("saga", this.services.get(ORCHESTRATOR, "/sagas/{id}", sagaId));
		return "saga-retry";
	}

	@PostMapping("/sagas/{sagaId}/retry")
	String retry(@PathVariable String sagaId, RedirectAttributes redirect) {
		try {
			Map<String, Object> saga = this.services.post(ORCHESTRATOR, Map.of(), "/sagas/{id}/retry", sagaId);
			redirect.addFlashAttribute("message",
					"Saga " + sagaId + " resumed: now " + saga.get("state") + " at " + saga.get("step") + ".");
		}
		catch (ServiceException ex) {
			redirect.addFlashAttribute("message", "Saga " + sagaId + " was not retried: " + ex.describe());
		}
		return "redirect:/sagas";
	}

}
