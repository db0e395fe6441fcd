package com.example.shop.order.query.projection;

import java.util.List;

/**
 * An index a view's queries need, over one or more fields in order.
 *
 * @param keys the indexed fields, the first one leading
 */
public record ViewIndex(List<Key> keys) {

	public ViewIndex {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("An index has at least one field");
		}
		keys = List.copyOf(keys);
	}

	public static ViewIndex on(Key... keys) {
		return new ViewIndex(List.of(keys));
	}

	/**
	 * A field of an index and its direction.
	 */
	public record Key(String field, boolean ascending) {

		public static Key ascending(String field) {
			return new Key(field, true);
		}

		public static Key descending(String field) {
			return new Key(field, false);
		}

	}

}
