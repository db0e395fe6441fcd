package com.example.shop.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load instead of queueing it: at most {@code maxConcurrent} commands (requests
 * that change state: {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) run at
 * once. A command that finds them all busy waits up to {@code maxWait} for one to end,
 * then is answered 503 problem details with {@code Retry-After}, within milliseconds,
 * where it would otherwise queue for a database connection and time out on the client. At
 * most {@code maxWaiting} commands wait at once; any more are answered 503 at once, so
 * that waiting commands never hold the web server's threads that the excess needs to be
 * answered. Work the service has admitted finishes at full speed, so an overload costs
 * the excess requests, not everyone's latency.
 * <p>
 * Queries are not limited: they hold no transaction and have bounds of their own (page
 * sizes, the bounded wait of read-your-own-writes). Neither are the probes and actuator
 * endpoints, which an operator needs most under overload. Shed commands are counted in
 * {@code http.server.requests.shed}, waiting ones in the gauge
 * {@code http.server.requests.waiting}.
 * <p>
 * The answer's problem type is {@value #OVERLOADED}, so that a client can tell a shed
 * request, which had no effect and may be sent again after {@code Retry-After}, from
 * other 503s. (The {@code .example} domain is reserved for examples: a team that adopts
 * this names a URI it owns.)
 */
public class AdmissionControlFilter extends OncePerRequestFilter {

	/**
	 * The problem type of a shed request.
	 */
	public static final String OVERLOADED = "https://shop.example/problems/overloaded";

	private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final Semaphore permits;

	private final int maxWaiting;

	private final AtomicInteger waiting = new AtomicInteger();

	private final long maxWaitNanos;

	private final Duration retryAfter;

	private final Counter shed;

	/**
	 * @param maxConcurrent commands that may run at once
	 * @param maxWaiting commands that may wait at once for one of them to end
	 * @param maxWait how long a command waits for one of them to end
	 * @param retryAfter what {@code Retry-After} tells a shed client, whole seconds
	 */
	public AdmissionControlFilter(int maxConcurrent, int maxWaiting, Duration maxWait, Duration retryAfter,
			MeterRegistry meters) {
		if (maxConcurrent < 1 || maxWaiting < 0) {
			throw new IllegalArgumentException("maxConcurrent must be at least 1 and maxWaiting at least 0");
		}
		this.permits = new Semaphore(maxConcurrent, true);
		this.maxWaiting = maxWaiting;
		this.maxWaitNanos = maxWait.toNanos();
		this.retryAfter = retryAfter;
		this.shed = Counter.builder("http.server.requests.shed")
			.description("Commands answered 503 because the service was running as many as it admits")
			.register(meters);
		Gauge.builder("http.server.requests.waiting", this.waiting, AtomicInteger::get)
			.description("Commands waiting for one of those running to end")
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !COMMANDS.contains(request.getMethod()) || request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!admit()) {
			this.shed.increment();
			refuse(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.permits.release();
		}
	}

	/**
	 * A free slot at once; else, if fewer than {@code maxWaiting} wait already, a slot
	 * within {@code maxWait}; else none.
	 */
	private boolean admit() {
		try {
			// with no wait, yet in turn: a plain tryAcquire() would take a freed slot
			// ahead of the commands already waiting for one
			if (this.permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		if (this.waiting.incrementAndGet() > this.maxWaiting) {
			this.waiting.decrementAndGet();
			return false;
		}
		try {
			return this.permits.tryAcquire(this.maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long seconds = Math.max(1, this.retryAfter.toSeconds());
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream()
			.write(("{\"type\":\"" + OVERLOADED + "\",\"title\":\"Service Unavailable\",\"status\":503,"
					+ "\"detail\":\"The service is running as many commands as it admits; retry after " + seconds
					+ " s\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

}
