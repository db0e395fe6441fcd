package com.example.shop.systemtests;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what the system promises, by reading each service's own store rather than
 * trusting its API:
 * <ol>
 * <li>every accepted order ended in exactly one terminal state, and its saga ended in the
 * matching one;</li>
 * <li>money charged minus refunded is the order total for a completed order and zero for
 * any other;</li>
 * <li>per product, stock never went below zero, and the service's available + reserved +
 * shipped equals what it received;</li>
 * <li>a completed order holds exactly its lines as shipped stock and one shipment; any
 * other order holds no stock and no shipment;</li>
 * <li>the read model shows each order with the status and version of its event
 * stream.</li>
 * </ol>
 * The stores are eventually consistent with each other, so {@link #awaitNoViolations}
 * checks until they agree or the time is up.
 */
public final class InvariantChecker {

	private static final Map<String, String> SAGA_END = Map.of("OrderConfirmed", "COMPLETED", "OrderRejected",
			"REJECTED", "OrderCancelled", "CANCELLED");

	private static final Map<String, String> ORDER_STATUS = Map.of("OrderConfirmed", "CONFIRMED", "OrderRejected",
			"REJECTED", "OrderCancelled", "CANCELLED");

	private final Map<Service, Database> databases;

	private final String mongoUri;

	private final ShopClient shop;

	/** Amounts read as exact decimals, never through a double. */
	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/**
	 * @param databases the PostgreSQL database of each service that has one
	 * @param mongoUri the query service's MongoDB, database included
	 * @param shop the API, for what a service reports of its own state
	 */
	public InvariantChecker(Map<Service, Database> databases, String mongoUri, ShopClient shop) {
		this.databases = Map.copyOf(databases);
		this.mongoUri = mongoUri;
		this.shop = shop;
	}

	/**
	 * Checks until no invariant is violated or {@code timeout} has passed.
	 * @return the violations of the last check, empty when everything holds
	 */
	public List<String> awaitNoViolations(Collection<String> orderIds, Collection<String> skus, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		List<String> violations = check(orderIds, skus);
		while (!violations.isEmpty() && Instant.now().isBefore(deadline)) {
			ShopClient.pause(Duration.ofMillis(250));
			violations = check(orderIds, skus);
		}
		return violations;
	}

	/**
	 * Every check of {@link #check}, for every order the given customers have in the
	 * order store (also those whose placing timed out at the client, an unknown outcome:
	 * if such an order exists, it must have ended like any other), plus for the whole
	 * system:
	 * <ul>
	 * <li>no outbox row is left unpublished in any service;</li>
	 * <li>every event stream's versions run from 1 without a gap;</li>
	 * <li>every order the API acknowledged is in the order store.</li>
	 * </ul>
	 */
	public List<String> checkSystem(Collection<String> acknowledged, Collection<String> customers,
			Collection<String> skus) {
		List<String> violations = new ArrayList<>();
		List<String> stored = new ArrayList<>();
		try (Connection orders = connect(Service.ORDER_COMMAND); PreparedStatement query = orders.prepareStatement("""
				SELECT substr(stream_id, 7) FROM event_store
				WHERE event_type = 'OrderPlaced' AND %s = ANY (?)""".formatted(idOf("data", "customerId")))) {
			query.setArray(1, orders.createArrayOf("text", customers.toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					stored.add(rows.getString(1));
				}
			}
			for (String orderId : acknowledged) {
				if (!stored.contains(orderId)) {
					violations.add(orderId + ": acknowledged with 201 but not in the order store");
				}
			}
			for (Service service : this.databases.keySet()) {
				try (Connection connection = connect(service); Statement statement = connection.createStatement()) {
					try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox_message")) {
						rows.next();
						if (rows.getLong(1) != 0) {
							violations.add(service + ": " + rows.getLong(1) + " outbox rows not published");
						}
					}
					try (ResultSet rows = statement.executeQuery("""
							SELECT stream_id, count(*), max(version) FROM event_store
							GROUP BY stream_id HAVING count(*) <> max(version) OR min(version) <> 1""")) {
						while (rows.next()) {
							violations.add(service + ": stream " + rows.getString(1) + " has " + rows.getLong(2)
									+ " events up to version " + rows.getLong(3));
						}
					}
				}
			}
		}
		catch (SQLException ex) {
			violations.add("Could not read the stores: " + ex.getMessage());
		}
		violations.addAll(check(stored, skus));
		return violations;
	}

	/**
	 * Checks the whole system until no invariant is violated or {@code timeout} has
	 * passed.
	 * @return the violations of the last check, empty when everything holds
	 */
	public List<String> awaitSystemConsistent(Collection<String> acknowledged, Collection<String> customers,
			Collection<String> skus, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		List<String> violations = checkSystem(acknowledged, customers, skus);
		while (!violations.isEmpty() && Instant.now().isBefore(deadline)) {
			ShopClient.pause(Duration.ofMillis(500));
			violations = checkSystem(acknowledged, customers, skus);
		}
		return violations;
	}

	/**
	 * One check of every invariant.
	 */
	public List<String> check(Collection<String> orderIds, Collection<String> skus) {
		List<String> violations = new ArrayList<>();
		try (Connection orders = connect(Service.ORDER_COMMAND);
				Connection payments = connect(Service.PAYMENT);
				Connection inventory = connect(Service.INVENTORY);
				Connection sagas = connect(Service.SAGA);
				MongoClient mongo = MongoClients.create(this.mongoUri)) {
			MongoDatabase readModel = mongo.getDatabase(databaseName(this.mongoUri));
			for (String orderId : orderIds) {
				checkOrder(orderId, orders, payments, inventory, sagas, readModel, violations);
			}
			for (String sku : skus) {
				checkProduct(sku, inventory, violations);
			}
		}
		catch (SQLException ex) {
			violations.add("Could not read the stores: " + ex.getMessage());
		}
		return violations;
	}

	private void checkOrder(String orderId, Connection orders, Connection payments, Connection inventory,
			Connection sagas, MongoDatabase readModel, List<String> violations) throws SQLException {
		List<Event> events = events(orders,
				"SELECT event_type, data FROM event_store WHERE stream_id = ? ORDER BY version", "order-" + orderId);
		if (events.isEmpty() || !events.get(0).type().equals("OrderPlaced")) {
			violations.add(orderId + ": accepted but not in the order event store");
			return;
		}
		List<String> endings = events.stream().map(Event::type).filter(SAGA_END::containsKey).toList();
		if (endings.size() != 1) {
			violations.add(orderId + ": " + endings.size() + " terminal events " + endings + " instead of one");
			return;
		}
		String ending = endings.get(0);
		String sagaState = sagaState(sagas, orderId);
		if (!SAGA_END.get(ending).equals(sagaState)) {
			violations.add(orderId + ": order ended with " + ending + " but its saga is " + sagaState);
		}
		boolean completed = ending.equals("OrderConfirmed");

		BigDecimal total = BigDecimal.ZERO;
		Map<String, Integer> ordered = new HashMap<>();
		for (JsonNode line : events.get(0).data().get("lines")) {
			total = total
				.add(line.get("unitPrice").decimalValue().multiply(BigDecimal.valueOf(line.get("quantity").asInt())));
			ordered.merge(line.get("sku").asString(), line.get("quantity").asInt(), Integer::sum);
		}
		BigDecimal net = BigDecimal.ZERO;
		for (Event payment : events(payments, """
				SELECT event_type, data FROM event_store
				WHERE event_type IN ('PaymentCharged', 'PaymentRefunded') AND %s = ?""".formatted(orderIdOf("data")),
				orderId)) {
			BigDecimal amount = payment.data().get("amount").decimalValue();
			net = payment.type().equals("PaymentCharged") ? net.add(amount) : net.subtract(amount);
		}
		BigDecimal expected = completed ? total : BigDecimal.ZERO;
		if (net.compareTo(expected) != 0) {
			violations.add(orderId + " (" + ending + "): charged minus refunded is " + net + ", not " + expected);
		}

		Map<String, Integer> shipped = new HashMap<>();
		Map<String, Integer> reserved = new HashMap<>();
		for (Event stock : events(inventory, """
				SELECT event_type, data || jsonb_build_object('sku', substr(stream_id, 9)) FROM event_store
				WHERE stream_id LIKE 'product-%%' AND %s = ? ORDER BY position""".formatted(orderIdOf("data")),
				orderId)) {
			String sku = stock.data().get("sku").asString();
			int quantity = stock.data().get("quantity").asInt();
			switch (stock.type()) {
				case "StockReserved" -> reserved.merge(sku, quantity, Integer::sum);
				case "StockReleased" -> reserved.merge(sku, -quantity, Integer::sum);
				case "StockShipped" -> {
					reserved.merge(sku, -quantity, Integer::sum);
					shipped.merge(sku, quantity, Integer::sum);
				}
				case "ShippedStockRecalled" -> {
					shipped.merge(sku, -quantity, Integer::sum);
					reserved.merge(sku, quantity, Integer::sum);
				}
				default -> violations.add(orderId + ": unexpected stock event " + stock.type());
			}
		}
		reserved.values().removeIf((quantity) -> quantity == 0);
		shipped.values().removeIf((quantity) -> quantity == 0);
		if (!reserved.isEmpty()) {
			violations.add(orderId + " (" + ending + "): still holds reserved stock " + reserved);
		}
		Map<String, Integer> expectedShipped = completed ? ordered : Map.of();
		if (!shipped.equals(expectedShipped)) {
			violations.add(orderId + " (" + ending + "): shipped stock " + shipped + ", not " + expectedShipped);
		}
		long shipments = 0;
		for (Event allocation : events(inventory,
				"SELECT event_type, data FROM event_store WHERE stream_id = ? ORDER BY version",
				"allocation-" + orderId)) {
			shipments += switch (allocation.type()) {
				case "ShipmentDispatched" -> 1;
				case "ShipmentRecalled" -> -1;
				default -> 0;
			};
		}
		if (shipments != (completed ? 1 : 0)) {
			violations.add(orderId + " (" + ending + "): " + shipments + " shipments");
		}

		Document pointer = readModel.getCollection("projections").find(new Document("_id", "order-summary")).first();
		Document view = (pointer != null)
				? readModel.getCollection(pointer.getString("collection")).find(new Document("_id", orderId)).first()
				: null;
		if (view == null) {
			violations.add(orderId + ": not in the read model");
		}
		else if (!ORDER_STATUS.get(ending).equals(view.getString("status"))
				|| ((Number) view.get("version")).longValue() != events.size()) {
			violations.add(orderId + ": read model shows " + view.getString("status") + " at version "
					+ view.get("version") + ", the event store " + ORDER_STATUS.get(ending) + " at " + events.size());
		}
	}

	private void checkProduct(String sku, Connection inventory, List<String> violations) throws SQLException {
		int received = 0;
		int available = 0;
		for (Event event : events(inventory,
				"SELECT event_type, data FROM event_store WHERE stream_id = ? ORDER BY version", "product-" + sku)) {
			int quantity = event.data().path("quantity").asInt(0);
			switch (event.type()) {
				case "ProductCreated" -> {
					received += event.data().get("initialStock").asInt();
					available += event.data().get("initialStock").asInt();
				}
				case "Restocked" -> {
					received += quantity;
					available += quantity;
				}
				case "StockReserved" -> available -= quantity;
				case "StockReleased" -> available += quantity;
				case "StockShipped", "ShippedStockRecalled" -> {
					// moves between reserved and shipped: available is unchanged
				}
				default -> violations.add(sku + ": unexpected product event " + event.type());
			}
			if (available < 0) {
				violations.add(sku + ": available went below zero (" + available + ") at " + event.type());
			}
		}
		JsonNode reported = this.shop.product(sku);
		int sum = reported.get("available").asInt() + reported.get("reserved").asInt()
				+ reported.get("shipped").asInt();
		if (reported.get("received").asInt() != received || sum != received
				|| reported.get("available").asInt() != available) {
			violations.add(sku + ": the service reports " + reported + " but its events say received " + received
					+ ", available " + available);
		}
	}

	private static String sagaState(Connection sagas, String orderId) throws SQLException {
		try (PreparedStatement query = sagas.prepareStatement("SELECT state FROM saga WHERE order_id = ?")) {
			query.setString(1, orderId);
			try (ResultSet rows = query.executeQuery()) {
				List<String> states = new ArrayList<>();
				while (rows.next()) {
					states.add(rows.getString(1));
				}
				return (states.size() == 1) ? states.get(0) : states.size() + " sagas";
			}
		}
	}

	/**
	 * The order id in an event's data, whether it was stored as a string or as a typed id
	 * record.
	 */
	private static String orderIdOf(String column) {
		return idOf(column, "orderId");
	}

	private static String idOf(String column, String field) {
		return "coalesce(" + column + "->'" + field + "'->>'value', " + column + "->>'" + field + "')";
	}

	private List<Event> events(Connection connection, String sql, String key) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, key);
			try (ResultSet rows = query.executeQuery()) {
				List<Event> events = new ArrayList<>();
				while (rows.next()) {
					events.add(new Event(rows.getString(1), this.json.readTree(rows.getString(2))));
				}
				return events;
			}
		}
	}

	private Connection connect(Service service) throws SQLException {
		Database database = this.databases.get(service);
		return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
	}

	private static String databaseName(String mongoUri) {
		String path = mongoUri.substring(mongoUri.indexOf('/', "mongodb://".length()) + 1);
		int options = path.indexOf('?');
		return (options >= 0) ? path.substring(0, options) : path;
	}

	private record Event(String type, JsonNode data) {

	}

	/**
	 * Where a service's PostgreSQL database is.
	 */
	public record Database(String jdbcUrl, String user, String password) {

	}

}
