package com.example.shop.console;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: orders placed, sagas completed and failed per minute, sagas in flight, the
 * latest counts, each service's outbox backlog; the figures refresh themselves
 * ({@code /overview/figures}, htmx).
 */
@Controller
class OverviewController {

	private final Throughput throughput;

	OverviewController(Throughput throughput) {
		this.throughput = throughput;
	}

	@GetMapping("/")
	String overview(Model model) {
		figures(model);
		return "overview";
	}

	@GetMapping("/overview/figures")
	String figures(Model model) {
		this.throughput.sampleIfDue();
		List<Throughput.Sample> samples = this.throughput.samples();
		model.addAttribute("charts", this.throughput.charts());
		model.addAttribute("latest", samples.isEmpty() ? null : samples.get(samples.size() - 1));
		model.addAttribute("failure", this.throughput.lastFailure());
		model.addAttribute("outboxes", this.throughput.outboxes());
		return "overview :: figures";
	}

	@GetMapping("/signed-out")
	String signedOut() {
		return "signed-out";
	}

	@GetMapping("/denied")
	String denied() {
		return "denied";
	}

}
