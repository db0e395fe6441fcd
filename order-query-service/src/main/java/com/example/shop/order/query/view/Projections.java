package com.example.shop.order.query.view;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.stereotype.Component;

/**
 * The projections by name, and the way live listeners feed them: decode the record, apply
 * it to the collection that serves the projection now (the catalog says which), record
 * the progress. A collection gets its view's indexes before its first event from this
 * instance; creating an index that exists is a no-op.
 */
@Component
public class Projections {

	private final Map<String, Projection> byName;

	private final EventDecoder decoder;

	private final ProjectionCatalog catalog;

	private final ProjectionMonitor monitor;

	private final Set<String> indexed = ConcurrentHashMap.newKeySet();

	Projections(List<Projection> projections, EventDecoder decoder, ProjectionCatalog catalog,
			ProjectionMonitor monitor) {
		this.byName = projections.stream().collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
		this.decoder = decoder;
		this.catalog = catalog;
		this.monitor = monitor;
	}

	/**
	 * Applies a record to the named projection's serving collection.
	 * @throws com.example.shop.platform.eventing.inbox.InvalidMessageException when the
	 * record can never be applied
	 */
	public void apply(String projection, ConsumerRecord<String, byte[]> record) {
		ReceivedEvent event = this.decoder.decode(record);
		String collection = this.catalog.activeCollection(projection);
		Projection target = get(projection);
		if (!this.indexed.contains(collection)) {
			target.createIndexes(collection);
			this.indexed.add(collection);
		}
		target.apply(event, collection);
		this.monitor.applied(projection, record);
	}

	Projection get(String projection) {
		Projection found = this.byName.get(projection);
		if (found == null) {
			throw new IllegalArgumentException("No projection named " + projection);
		}
		return found;
	}

	ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
		return this.decoder.decode(record);
	}

}
