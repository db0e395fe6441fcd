package com.example.shop.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /dead-letters}: every service's consumed topics with their dead letters counted;
 * {@code /dead-letters/{service}/{topic}}: a topic's dead letters with payload and cause,
 * each to redrive or discard (with a reason), through that service's dead-letter API.
 */
@Controller
class DeadLettersController {

	static final Set<String> STATUSES = Set.of("PENDING", "REDRIVING", "REDRIVEN", "DISCARDED");

	/**
	 * A dead letter's id, {@code <partition>-<offset>}; anything else is not passed on.
	 */
	private static final Pattern ID = Pattern.compile("\\d{1,9}-\\d{1,18}");

	private final Services services;

	DeadLettersController(Services services) {
		this.services = services;
	}

	@GetMapping("/dead-letters")
	String topics(Model model) {
		Map<String, Object> topics = new LinkedHashMap<>();
		Map<String, String> failures = new LinkedHashMap<>();
		for (String service : this.services.names()) {
			try {
				topics.put(service, this.services.get(service, "/dead-letters").get("topics"));
			}
			catch (ServiceException ex) {
				failures.put(service, ex.describe());
			}
		}
		model.addAttribute("topics", topics);
		model.addAttribute("failures", failures);
		return "dead-letters";
	}

	@GetMapping("/dead-letters/{service}/{topic}")
	String topic(@PathVariable String service, @PathVariable String topic,
			@RequestParam(defaultValue = "PENDING") String status, @RequestParam(required = false) String after,
			Model model) {
		String selected = STATUSES.contains(status) ? status : "";
		var uri = UriComponentsBuilder.fromPath("/dead-letters/{topic}").queryParam("size", 20);
		if (!selected.isEmpty()) {
			uri.queryParam("status", selected);
		}
		if (after != null && ID.matcher(after).matches()) {
			uri.queryParam("after", after);
		}
		model.addAttribute("service", service);
		model.addAttribute("topic", topic);
		model.addAttribute("status", selected);
		model.addAttribute("statuses", STATUSES.stream().sorted().toList());
		model.addAttribute("page", this.services.get(service, uri.build().toUriString(), topic));
		return "dead-letter-topic";
	}

	@PostMapping("/dead-letters/{service}/{topic}/{id}/redrive")
	String redrive(@PathVariable String service, @PathVariable String topic, @PathVariable String id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String status,
			@RequestParam(required = false) String after, RedirectAttributes redirect) {
		back(redirect, status, after);
		Map<String, Object> body = new LinkedHashMap<>();
		if (reason != null && !reason.isBlank()) {
			body.put("reason", reason.strip());
		}
		decide(service, topic, id, "redrive", body, "redriven", redirect);
		return "redirect:/dead-letters/{service}/{topic}";
	}

	@PostMapping("/dead-letters/{service}/{topic}/{id}/discard")
	String discard(@PathVariable String service, @PathVariable String topic, @PathVariable String id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String status,
			@RequestParam(required = false) String after, RedirectAttributes redirect) {
		back(redirect, status, after);
		if (reason == null || reason.isBlank()) {
			redirect.addFlashAttribute("message", "Dead letter " + id + " was not discarded: say why.");
			return "redirect:/dead-letters/{service}/{topic}";
		}
		decide(service, topic, id, "discard", Map.of("reason", reason.strip()), "discarded", redirect);
		return "redirect:/dead-letters/{service}/{topic}";
	}

	/** Back to the page the decision was made on: its status filter and position. */
	private static void back(RedirectAttributes redirect, String status, String after) {
		if (status != null && (STATUSES.contains(status) || "ALL".equals(status))) {
			redirect.addAttribute("status", status);
		}
		if (after != null && ID.matcher(after).matches()) {
			redirect.addAttribute("after", after);
		}
	}

	private void decide(String service, String topic, String id, String action, Map<String, Object> body, String done,
			RedirectAttributes redirect) {
		try {
			this.services.post(service, body, "/dead-letters/{topic}/{id}/" + action, topic, id);
			redirect.addFlashAttribute("message", "Dead letter " + id + " of " + topic + " " + done + ".");
		}
		catch (ServiceException ex) {
			redirect.addFlashAttribute("message",
					"Dead letter " + id + " of " + topic + " was not " + done + ": " + ex.describe());
		}
	}

}
