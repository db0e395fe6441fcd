package com.example.shop.console;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /projections}: each read model's state, lag p50/p99 and positions, refreshing
 * itself ({@code /projections/table}, htmx), so that a rebuild started here is seen to
 * switch.
 */
@Controller
class ProjectionsController {

	private static final String QUERY = "order-query-service";

	private final Services services;

	ProjectionsController(Services services) {
		this.services = services;
	}

	@GetMapping("/projections")
	String projections(Model model) {
		table(model);
		return "projections";
	}

	@GetMapping("/projections/table")
	String table(Model model) {
		model.addAttribute("projections", this.services.getList(QUERY, "/projections"));
		return "projections :: table";
	}

	@PostMapping("/projections/{name}/rebuild")
	String rebuild(@PathVariable String name, RedirectAttributes redirect) {
		try {
			Map<String, Object> started = this.services.post(QUERY, Map.of(), "/projections/{name}/rebuild", name);
			redirect.addFlashAttribute("message", "Rebuild of " + name + " started"
					+ ((started != null && started.get("state") != null) ? ": " + started.get("state") : "") + ".");
		}
		catch (ServiceException ex) {
			redirect.addFlashAttribute("message", "Rebuild of " + name + " was not started: " + ex.describe());
		}
		return "redirect:/projections";
	}

}
