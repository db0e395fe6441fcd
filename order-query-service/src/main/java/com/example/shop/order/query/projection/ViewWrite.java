package com.example.shop.order.query.projection;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One event's change to one document of a view: an upsert of the document the filter
 * selects, which always includes the document's {@code _id}. The filter may add a
 * condition (the order summary's {@code version < n}); when the document exists but does
 * not meet it, the upsert's insert fails on the duplicate {@code _id} and the write
 * changes nothing.
 *
 * @param id the document's {@code _id} (every read model here keeps one document per
 * order, so it is the order id)
 * @param filter {@code _id} and any condition
 * @param update the update operators ({@link ViewUpdate})
 */
public record ViewWrite(String id, Bson filter, Bson update) {

	/**
	 * A write to the document with this id, whatever it holds, creating it if there is
	 * none.
	 */
	public static ViewWrite byId(String id, Bson update) {
		return new ViewWrite(id, new Document("_id", id), update);
	}

	/**
	 * This write and the next one to the same document as one write, when applying the
	 * two one after the other is the same as applying that one: both select the document
	 * by its id alone and only set top-level fields (the next one's values win);
	 * {@code null} otherwise.
	 */
	ViewWrite followedBy(ViewWrite next) {
		Document fields = setOnly();
		Document nextFields = next.setOnly();
		if (fields == null || nextFields == null || !this.id.equals(next.id)) {
			return null;
		}
		Document merged = new Document(fields);
		merged.putAll(nextFields);
		return new ViewWrite(this.id, this.filter, new Document("$set", merged));
	}

	/**
	 * The fields this write sets, when it selects by id alone and only sets top-level
	 * fields; {@code null} otherwise.
	 */
	private Document setOnly() {
		if (this.filter instanceof Document selector && selector.size() == 1 && this.id.equals(selector.get("_id"))
				&& this.update instanceof Document operators && operators.size() == 1
				&& operators.get("$set") instanceof Document fields
				&& fields.keySet().stream().noneMatch((field) -> field.startsWith("$") || field.contains("."))) {
			return fields;
		}
		return null;
	}

}
