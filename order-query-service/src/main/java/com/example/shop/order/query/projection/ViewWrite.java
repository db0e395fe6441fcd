package com.example.shop.order.query.projection;

import java.util.Map;

/**
 * One event's change to one document of a view: an upsert of the document with this id.
 * It may be conditional on the document's {@code version} being below a given one (the
 * order summary's orders events); when the document exists but does not meet the
 * condition, the write changes nothing.
 *
 * @param id the document's id (every read model here keeps one document per order, so it
 * is the order id)
 * @param versionBelow apply only when the document's {@code version} is below this, or
 * when there is no document yet; {@code null} for no condition
 * @param update the fields it changes, not changed after the write is made
 */
public record ViewWrite(String id, Long versionBelow, ViewUpdate update) {

	/**
	 * A write to the document with this id, whatever it holds, creating it if there is
	 * none.
	 */
	public static ViewWrite byId(String id, ViewUpdate update) {
		return new ViewWrite(id, null, update);
	}

	/**
	 * A write to the document with this id that changes nothing unless the document's
	 * {@code version} is below {@code version}, creating it if there is none.
	 */
	public static ViewWrite ifVersionBelow(String id, long version, ViewUpdate update) {
		return new ViewWrite(id, version, update);
	}

	/**
	 * This write and the next one to the same document as one write, when applying the
	 * two one after the other is the same as applying that one: neither has a condition
	 * and both only set top-level fields (the next one's values win); {@code null}
	 * otherwise.
	 */
	public ViewWrite followedBy(ViewWrite next) {
		Map<String, Object> fields = setOnly();
		Map<String, Object> nextFields = next.setOnly();
		if (fields == null || nextFields == null || !this.id.equals(next.id)) {
			return null;
		}
		ViewUpdate merged = new ViewUpdate();
		fields.forEach(merged::set);
		nextFields.forEach(merged::set);
		return byId(this.id, merged);
	}

	/**
	 * The fields this write sets, when it has no condition and only sets top-level
	 * fields; {@code null} otherwise.
	 */
	private Map<String, Object> setOnly() {
		Map<ViewUpdate.Operator, Map<String, Object>> operators = this.update.operators();
		Map<String, Object> fields = operators.get(ViewUpdate.Operator.SET);
		boolean setOnly = this.versionBelow == null && operators.size() == 1 && fields != null
				&& fields.keySet().stream().noneMatch((field) -> field.startsWith("$") || field.contains("."));
		return setOnly ? fields : null;
	}

}
