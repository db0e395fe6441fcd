package com.example.shop.systemtests;

/**
 * The five services, with the store each owns.
 */
public enum Service {

	ORDER_COMMAND("order-command-service", "order_command", false),

	ORDER_QUERY("order-query-service", "order_query", true),

	PAYMENT("payment-service", "payment", false),

	INVENTORY("inventory-service", "inventory", false),

	SAGA("saga-orchestrator", "saga_orchestrator", false);

	private final String artifact;

	private final String database;

	private final boolean mongo;

	Service(String artifact, String database, boolean mongo) {
		this.artifact = artifact;
		this.database = database;
		this.mongo = mongo;
	}

	/**
	 * Its module, jar and process name, e.g. {@code payment-service}.
	 */
	public String artifact() {
		return this.artifact;
	}

	/**
	 * The database it owns, as {@code ./stack up} names it.
	 */
	public String database() {
		return this.database;
	}

	/**
	 * Whether that database is MongoDB rather than PostgreSQL.
	 */
	public boolean usesMongo() {
		return this.mongo;
	}

}
