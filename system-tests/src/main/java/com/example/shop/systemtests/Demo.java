package com.example.shop.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./stack demo}: against a stack started with {@code ./stack up}, seeds two
 * accounts and two products, places one order per business scenario, and prints the path
 * and outcome of each order's saga. Every run uses new customers and products, so it can
 * run again and again. {@code ./stack demo --gateway http://localhost:8080} runs it
 * through the one published port of docker-compose (or a Kubernetes ingress) instead of
 * the services' own ports; it exits with status 1 when a scenario does not end as
 * expected.
 */
public final class Demo {

	private Demo() {
	}

	public static void main(String[] args) {
		String run = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
		String rich = "C-" + run + "01";
		String poor = "C-" + run + "02";
		String mug = "MUG-" + run;
		String lamp = "LAMP-" + run;
		ShopClient client = (args.length == 2 && args[0].equals("--gateway")) ? ShopClient.gateway(args[1])
				: ShopClient.localStack();
		boolean asExpected = true;
		try (ShopClient shop = client) {
			System.out.println("Seeding: accounts " + rich + " (500.00 EUR) and " + poor + " (5.00 EUR), products "
					+ mug + " (10 in stock) and " + lamp + " (1 in stock)");
			shop.openAccount(rich, "500.00");
			shop.openAccount(poor, "5.00");
			shop.createProduct(mug, 10);
			shop.createProduct(lamp, 1);

			List<Scenario> scenarios = List.of(new Scenario("happy path", rich, mug, 2, "DE", false, "COMPLETED"),
					new Scenario("insufficient funds", poor, mug, 1, "DE", false, "REJECTED"),
					new Scenario("out of stock", rich, lamp, 3, "DE", false, "REJECTED"),
					new Scenario("unserved destination", rich, mug, 1, "US", false, "REJECTED"),
					new Scenario("cancelled by the customer", rich, mug, 1, "DE", true, "CANCELLED"));
			for (Scenario scenario : scenarios) {
				ShopClient.PlacedOrder order = shop.placeOrder(scenario.customer(), scenario.sku(), scenario.quantity(),
						"12.50", scenario.country());
				if (scenario.cancel()) {
					shop.requestCancellation(order);
				}
				JsonNode saga = shop.awaitSaga(order.orderId(), (s) -> isEnded(s.get("state").asString()),
						Duration.ofSeconds(60));
				System.out.printf("%n%-26s order %s%n  outcome  %s%s%n  path     %s%n", scenario.name(),
						order.orderId(), saga.get("state").asString(),
						saga.hasNonNull("failureReason") ? " (" + saga.get("failureReason").asString() + ")" : "",
						String.join(" > ", ShopClient.path(saga)));
				if (!scenario.expected().equals(saga.get("state").asString())) {
					System.out.println("  UNEXPECTED: should have ended " + scenario.expected());
					asExpected = false;
				}
			}
			System.out.printf("%nAccount %s now: %s EUR. Product %s now: %s%n", rich,
					shop.account(rich).get("balance").decimalValue().toPlainString(), mug, shop.product(mug));
		}
		catch (IllegalStateException ex) {
			System.err.println("demo: " + ex.getMessage());
			System.err.println("demo: is the stack running? Start it with ./stack up in another terminal.");
			System.exit(1);
		}
		if (!asExpected) {
			System.exit(1);
		}
	}

	private static boolean isEnded(String state) {
		return List.of("COMPLETED", "REJECTED", "CANCELLED", "COMPENSATION_FAILED").contains(state);
	}

	private record Scenario(String name, String customer, String sku, int quantity, String country, boolean cancel,
			String expected) {

	}

}
