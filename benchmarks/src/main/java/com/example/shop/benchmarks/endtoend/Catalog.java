package com.example.shop.benchmarks.endtoend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The customers and products one run orders with, created over REST before the run with
 * ids of their own, so runs never share an account or a product: customers who can pay
 * for every order the run gives them, customers who cannot pay for one, and products with
 * stock for every order.
 *
 * @param payingCustomers customers with money enough
 * @param brokeCustomers customers with less than one order's price
 * @param skus products with stock enough
 */
record Catalog(List<String> payingCustomers, List<String> brokeCustomers, List<String> skus) {

	/** What every unit costs. */
	static final String UNIT_PRICE = "10.00";

	/** Less than one unit: every charge of such an account fails. */
	static final String BROKE_BALANCE = "1.00";

	/** A country the warehouse ships to by default. */
	static final String SERVED_COUNTRY = "DE";

	private static final int PARALLEL_REQUESTS = 8;

	private static final int ID_ATTEMPTS = 20;

	/**
	 * Creates the catalog for {@code orders} orders over REST.
	 */
	static Catalog seed(ShopApi api, int payingCustomers, int brokeCustomers, int products, long orders) {
		String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36)
			.toUpperCase(Locale.ROOT);
		long perCustomer = orders / payingCustomers + 1;
		String balance = String.valueOf(2 * perCustomer * 10 + 100);
		int stock = (int) Math.min(Integer.MAX_VALUE / 2, 2 * (orders / products + 1) + 100);
		try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS)) {
			List<Future<String>> paying = new ArrayList<>();
			for (int i = 0; i < payingCustomers; i++) {
				paying.add(pool.submit(() -> openAccount(api, balance)));
			}
			List<Future<String>> broke = new ArrayList<>();
			for (int i = 0; i < brokeCustomers; i++) {
				broke.add(pool.submit(() -> openAccount(api, BROKE_BALANCE)));
			}
			List<Future<String>> skus = new ArrayList<>();
			for (int i = 0; i < products; i++) {
				String sku = "E2E-" + run + "-" + i;
				skus.add(pool.submit(() -> createProduct(api, sku, stock)));
			}
			return new Catalog(all(paying), all(broke), all(skus));
		}
	}

	/**
	 * A customer and a product for order {@code index} of the schedule in
	 * {@code scenario}: round robin, so load spreads evenly over accounts and products.
	 */
	String customerFor(Scenario scenario, long index) {
		List<String> customers = (scenario == Scenario.INSUFFICIENT_FUNDS) ? this.brokeCustomers : this.payingCustomers;
		return customers.get((int) (index % customers.size()));
	}

	String skuFor(long index) {
		return this.skus.get((int) (index % this.skus.size()));
	}

	private static String openAccount(ShopApi api, String balance) {
		for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
			String customerId = String.format(Locale.ROOT, "C-%06d", ThreadLocalRandom.current().nextInt(1_000_000));
			int status = api.openAccount(customerId, balance);
			if (status == 201) {
				return customerId;
			}
			if (status != 409) {
				throw new IllegalStateException("POST /accounts answered " + status);
			}
		}
		throw new IllegalStateException("No free customer id after " + ID_ATTEMPTS + " attempts");
	}

	private static String createProduct(ShopApi api, String sku, int stock) {
		int status = api.createProduct(sku, stock);
		if (status != 201) {
			throw new IllegalStateException("PUT /products/" + sku + " answered " + status);
		}
		return sku;
	}

	private static List<String> all(List<Future<String>> futures) {
		List<String> values = new ArrayList<>();
		for (Future<String> future : futures) {
			try {
				values.add(future.get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while seeding", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Seeding failed: " + ex.getCause().getMessage(), ex.getCause());
			}
		}
		return Collections.unmodifiableList(values);
	}

}
