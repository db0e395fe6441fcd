package com.example.shop.platform.eventing;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the library's tables (event store, snapshots, outbox, inbox) from
 * {@code classpath:db/eventing} with a history table of their own,
 * {@code eventing_schema_history}, before any of them is used. A service's own Flyway
 * migrations keep {@code flyway_schema_history}, so library and service versions never
 * collide.
 */
public final class EventingSchema {

	public EventingSchema(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/eventing")
			.table("eventing_schema_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
