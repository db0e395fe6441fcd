package com.example.shop.order.query.adapter.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.example.shop.order.query.revenue.RevenueReport;
import com.example.shop.platform.web.InvalidParameterException;
import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /reports/revenue?from=&to=}: finance's revenue per UTC day and currency,
 * {@code from} and {@code to} (ISO dates) included, at most
 * {@value RevenueReport#MAX_DAYS} days. Only days with revenue or refunds are listed.
 * Amounts are exact decimals in the order's currency. A missing or malformed date, an end
 * before the start or a longer range is a 400 problem.
 */
@RestController
@Tag(name = "Reports", description = "Finance's revenue report")
class RevenueReportController {

	private final RevenueReport report;

	RevenueReportController(RevenueReport report) {
		this.report = report;
	}

	/**
	 * @param timeZone the time zone of the days: always {@code UTC}
	 */
	record Report(LocalDate from, LocalDate to, String timeZone, List<Day> days) {
	}

	/**
	 * @param confirmed the totals of the orders confirmed that day
	 * @param refunded the refunds made that day of confirmed orders
	 * @param net confirmed minus refunded
	 */
	record Day(LocalDate date, String currency, BigDecimal confirmed, long confirmedOrders, BigDecimal refunded,
			long refundedOrders, BigDecimal net) {
	}

	@GetMapping("/reports/revenue")
	@Allow(Role.FINANCE)
	@Operation(summary = "Revenue per UTC day and currency",
			description = "Confirmed orders, refunds and net, from and to both included, at most 366 days.")
	@ApiResponse(responseCode = "200", description = "The report")
	@ProblemResponses({ 400, 503 })
	Report revenue(
			@Parameter(example = "2026-12-01") @RequestParam @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(example = "2026-12-02") @RequestParam @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidParameterException("to", "must not be before from");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > RevenueReport.MAX_DAYS) {
			throw new InvalidParameterException("to",
					"must be within " + RevenueReport.MAX_DAYS + " days of from, both included");
		}
		return new Report(from, to, "UTC",
				this.report.between(from, to)
					.stream()
					.map((day) -> new Day(day.date(), day.currency(), day.confirmed(), day.confirmedOrders(),
							day.refunded(), day.refundedOrders(), day.net()))
					.toList());
	}

}
