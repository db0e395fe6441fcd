package com.example.shop.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /orders?q=}: an order by its id, or a customer's orders by customer id;
 * {@code /orders/{orderId}}: the order's summary (query side), its saga as a timeline
 * (orchestrator), the command side's events with their metadata, and its trace.
 */
@Controller
class OrdersController {

	/** The saga's steps that undo an earlier one. */
	static final Set<String> COMPENSATIONS = Set.of("CANCEL_SHIPMENT", "RELEASE_INVENTORY", "REFUND_PAYMENT",
			"REJECT_ORDER", "CANCEL_ORDER");

	private final Services services;

	private final ConsoleProperties properties;

	OrdersController(Services services, ConsoleProperties properties) {
		this.services = services;
		this.properties = properties;
	}

	/**
	 * One step of a saga's timeline.
	 *
	 * @param compensation whether it undoes an earlier step
	 * @param outcome the last event the step saw, such as {@code PaymentCharged}
	 */
	record Step(String step, boolean compensation, Object startedAt, Object endedAt, Object durationMillis,
			Object attempts, String outcome) {

	}

	@GetMapping("/orders")
	String search(@RequestParam(required = false) String q, Model model) {
		String query = (q != null) ? q.strip() : "";
		model.addAttribute("q", query);
		if (query.isEmpty()) {
			return "orders";
		}
		if (query.length() > 100) {
			model.addAttribute("message", "An order id or a customer id is shorter than that.");
			return "orders";
		}
		if (isUuid(query)) {
			return "redirect:/orders/" + query;
		}
		try {
			model.addAttribute("customerOrders",
					this.services.get("order-query-service", "/customers/{customerId}/orders?size=100", query)
						.get("orders"));
		}
		catch (ServiceException ex) {
			model.addAttribute("message", ex.isNotFound() || ex.status() == 400
					? "No order and no customer has the id " + query + "." : ex.describe());
		}
		return "orders";
	}

	@GetMapping("/orders/{orderId}")
	String order(@PathVariable String orderId, Model model) {
		if (!isUuid(orderId)) {
			model.addAttribute("q", orderId);
			model.addAttribute("message", "An order id is a UUID, such as 0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b.");
			return "orders";
		}
		model.addAttribute("orderId", orderId);
		List<String> missing = new ArrayList<>();
		model.addAttribute("summary", found(() -> this.services.get("order-query-service", "/orders/{id}", orderId),
				"order-query-service", missing));
		Map<String, Object> history = found(
				() -> this.services.get("order-command-service", "/orders/{id}/history", orderId),
				"order-command-service", missing);
		model.addAttribute("history", history);
		Map<String, Object> sagas = found(
				() -> this.services.get("saga-orchestrator", "/sagas?orderId={id}&size=5", orderId),
				"saga-orchestrator", missing);
		Map<String, Object> saga = first(sagas);
		model.addAttribute("saga", saga);
		model.addAttribute("timeline", timeline(saga));
		model.addAttribute("traceUrl", traceUrl(saga));
		model.addAttribute("missing", missing);
		if (missing.size() == 3) {
			model.addAttribute("q", orderId);
			model.addAttribute("message", "No service knows the order " + orderId + ".");
			return "orders";
		}
		return "order";
	}

	@SuppressWarnings("unchecked")
	static List<Step> timeline(Map<String, Object> saga) {
		List<Step> steps = new ArrayList<>();
		if (saga == null || !(saga.get("steps") instanceof List<?> timings)) {
			return steps;
		}
		List<Map<String, Object>> history = (saga.get("history") instanceof List<?> entries)
				? (List<Map<String, Object>>) entries : List.of();
		for (Object item : timings) {
			Map<String, Object> timing = (Map<String, Object>) item;
			String step = String.valueOf(timing.get("step"));
			String outcome = history.stream()
				.filter((entry) -> step.equals(entry.get("step")))
				.map((entry) -> String.valueOf(entry.get("event")))
				.reduce((first, last) -> last)
				.orElse("");
			steps.add(new Step(step, COMPENSATIONS.contains(step), timing.get("startedAt"), timing.get("endedAt"),
					timing.get("durationMillis"), timing.get("attempts"), outcome));
		}
		return steps;
	}

	private String traceUrl(Map<String, Object> saga) {
		String template = this.properties.traceUrl();
		if (saga == null || saga.get("traceId") == null || template == null || template.isBlank()) {
			return null;
		}
		return template.replace("{traceId}", String.valueOf(saga.get("traceId")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> first(Map<String, Object> page) {
		if (page != null && page.get("sagas") instanceof List<?> sagas && !sagas.isEmpty()) {
			return (Map<String, Object>) sagas.get(0);
		}
		return null;
	}

	private static Map<String, Object> found(java.util.function.Supplier<Map<String, Object>> call, String service,
			List<String> missing) {
		try {
			Map<String, Object> found = call.get();
			if (found == null || (found.get("sagas") instanceof List<?> sagas && sagas.isEmpty())) {
				missing.add(service);
			}
			return found;
		}
		catch (ServiceException ex) {
			if (ex.isNotFound()) {
				missing.add(service);
				return null;
			}
			throw ex;
		}
	}

	static boolean isUuid(String value) {
		try {
			return UUID.fromString(value).toString().equalsIgnoreCase(value);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
