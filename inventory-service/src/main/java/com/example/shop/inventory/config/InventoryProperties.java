package com.example.shop.inventory.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the inventory, under {@code shop.inventory}.
 *
 * @param servedCountries ISO 3166-1 alpha-2 codes of the countries the warehouse ships
 * to; a shipment elsewhere fails with {@code UNSERVED_DESTINATION}
 * @param snapshotEvery a product's stock is snapshotted each time its stream crosses a
 * multiple of this many events
 * @param topicPartitions partitions of the topics this service owns
 * @param restockKeyRetention how long an {@code Idempotency-Key} of a restock is
 * remembered at least (it is deleted within the hour after): a retry within it adds
 * nothing, a retry after it adds the units again, so it must exceed the longest time a
 * client keeps retrying
 */
@ConfigurationProperties("shop.inventory")
public record InventoryProperties(@DefaultValue( {
		"DE", "AT", "NL", "BE", "FR" }) List<String> servedCountries, @DefaultValue("100") int snapshotEvery,
		@DefaultValue("3") int topicPartitions, @DefaultValue("24h") Duration restockKeyRetention){

}
