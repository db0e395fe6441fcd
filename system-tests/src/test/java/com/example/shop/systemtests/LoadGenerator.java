package com.example.shop.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places orders at a steady rate while a fault is injected, over REST like any client,
 * with a mix of outcomes: most succeed, some are refused for lack of funds, some are
 * cancelled right after placing, some go to a destination the warehouse does not serve.
 * Each order is sent on its own virtual thread at its scheduled time, so a slow or dead
 * service never slows the schedule. It remembers what the API acknowledged and counts
 * what it could not know (no answer: the order may or may not exist).
 */
final class LoadGenerator implements AutoCloseable {

	private final ShopClient shop;

	private final List<String> customers;

	private final String poorCustomer;

	private final String sku;

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, AtomicInteger> outcomes = Collections.synchronizedMap(new TreeMap<>());

	private final Thread scheduler;

	private volatile boolean running = true;

	/**
	 * Seeds customers and a product with ids starting at {@code firstId} and starts
	 * placing {@code perSecond} orders a second.
	 */
	LoadGenerator(ShopClient shop, int firstId, int perSecond) {
		this.shop = shop;
		this.customers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String customer = String.format("C-%06d", firstId + i);
			shop.openAccount(customer, "1000000.00");
			this.customers.add(customer);
		}
		this.poorCustomer = String.format("C-%06d", firstId + 4);
		shop.openAccount(this.poorCustomer, "0.00");
		this.sku = "LOAD-" + firstId;
		shop.createProduct(this.sku, 1_000_000);
		this.scheduler = Thread.ofPlatform().name("load-generator").start(() -> schedule(perSecond));
	}

	private void schedule(int perSecond) {
		long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long next = System.nanoTime();
		while (this.running) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				try {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			this.senders.submit(this::placeOne);
			next += periodNanos;
		}
	}

	private void placeOne() {
		int dice = ThreadLocalRandom.current().nextInt(100);
		String customer = (dice < 5) ? this.poorCustomer
				: this.customers.get(ThreadLocalRandom.current().nextInt(this.customers.size()));
		String country = (dice >= 5 && dice < 10) ? "US" : "DE";
		ShopClient.Placement placement = this.shop.tryPlaceOrder(customer, this.sku, 1, "9.99", country);
		if (placement.order() == null) {
			count(placement.unknown() ? "unknown (no answer)" : "refused " + placement.status());
			return;
		}
		this.acknowledged.add(placement.order().orderId());
		count("accepted");
		if (dice >= 10 && dice < 20) {
			try {
				int status = this.shop.requestCancellation(placement.order());
				count("cancellation " + status);
			}
			catch (IllegalStateException ex) {
				count("cancellation unknown");
			}
		}
	}

	private void count(String outcome) {
		this.outcomes.computeIfAbsent(outcome, (key) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * Stops placing orders and waits for the requests in flight.
	 */
	void stop() {
		this.running = false;
		this.scheduler.interrupt();
		try {
			this.scheduler.join();
			this.senders.shutdown();
			if (!this.senders.awaitTermination(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Requests still in flight after 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Runs for {@code duration}, then stops.
	 */
	void runFor(Duration duration) {
		Instant end = Instant.now().plus(duration);
		while (Instant.now().isBefore(end)) {
			ShopClient.pause(Duration.ofMillis(200));
		}
		stop();
	}

	List<String> acknowledged() {
		return List.copyOf(this.acknowledged);
	}

	List<String> customers() {
		List<String> all = new ArrayList<>(this.customers);
		all.add(this.poorCustomer);
		return all;
	}

	/**
	 * The customers whose accounts can pay for any order of the run.
	 */
	List<String> customersWithFunds() {
		return List.copyOf(this.customers);
	}

	List<String> skus() {
		return List.of(this.sku);
	}

	/**
	 * How many requests ended how, e.g. {@code accepted=412, unknown (no answer)=3}.
	 */
	Map<String, Integer> outcomes() {
		Map<String, Integer> counts = new TreeMap<>();
		this.outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
		return counts;
	}

	@Override
	public void close() {
		if (this.running) {
			stop();
		}
	}

}
