package com.example.shop.saga.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.shop.platform.eventing.TransactionScoped;
import com.example.shop.saga.application.SagaStore;
import com.example.shop.saga.domain.Effect;
import com.example.shop.saga.domain.EffectStatus;
import com.example.shop.saga.domain.HistoryEntry;
import com.example.shop.saga.domain.OrderDetails;
import com.example.shop.saga.domain.OrderFulfillmentSaga;
import com.example.shop.saga.domain.OrderId;
import com.example.shop.saga.domain.SagaId;
import com.example.shop.saga.domain.SagaState;
import com.example.shop.saga.domain.Step;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class JdbcSagaStore implements SagaStore {

	private static final String COLUMNS = """
			saga_id, order_id, state, step, attempt, deadline, data::text, history::text, version, started_at,
			ended_at""";

	private static final TypeReference<List<HistoryEntry>> HISTORY = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	JdbcSagaStore(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public boolean insert(OrderFulfillmentSaga saga) {
		OrderFulfillmentSaga.Snapshot s = saga.snapshot();
		return this.jdbc.update("""
				INSERT INTO saga (saga_id, order_id, state, step, attempt, deadline, data, history, version,
				                  started_at, updated_at, ended_at)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 1, ?, ?, ?)
				ON CONFLICT (order_id) DO NOTHING""", s.id().value(), s.orderId().value(), s.state().name(),
				name(s.step()), s.attempt(), timestamp(s.deadline()), data(s),
				this.json.writeValueAsString(s.history()), timestamp(s.startedAt()), timestamp(Instant.now()),
				timestamp(s.endedAt())) == 1;
	}

	@Override
	public void update(OrderFulfillmentSaga saga) {
		OrderFulfillmentSaga.Snapshot s = saga.snapshot();
		int updated = this.jdbc.update("""
				UPDATE saga SET state = ?, step = ?, attempt = ?, deadline = ?, data = ?::jsonb, history = ?::jsonb,
				                version = version + 1, updated_at = ?, ended_at = ?
				WHERE saga_id = ? AND version = ?""", s.state().name(), name(s.step()), s.attempt(),
				timestamp(s.deadline()), data(s), this.json.writeValueAsString(s.history()), timestamp(Instant.now()),
				timestamp(s.endedAt()), s.id().value(), s.version());
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"Saga " + s.id() + " changed since version " + s.version() + " was loaded");
		}
	}

	@Override
	public Optional<OrderFulfillmentSaga> lockByOrder(OrderId orderId) {
		Locked locked = TransactionScoped.find(this);
		OrderFulfillmentSaga.Snapshot taken = (locked != null) ? locked.byOrder.remove(orderId) : null;
		if (taken != null) {
			return Optional.of(OrderFulfillmentSaga.restore(taken));
		}
		return one("SELECT " + COLUMNS + " FROM saga WHERE order_id = ? FOR UPDATE", orderId.value())
			.map(OrderFulfillmentSaga::restore);
	}

	@Override
	public void lockByOrders(Collection<OrderId> orderIds) {
		if (!TransactionSynchronizationManager.isActualTransactionActive() || orderIds.isEmpty()) {
			return;
		}
		Locked locked = TransactionScoped.current(this, () -> new Locked(this));
		String[] ids = orderIds.stream().map(OrderId::value).distinct().toArray(String[]::new);
		this.jdbc.query((connection) -> {
			var select = connection.prepareStatement(
					"SELECT " + COLUMNS + " FROM saga WHERE order_id = ANY(?) ORDER BY order_id FOR UPDATE");
			select.setArray(1, connection.createArrayOf("text", ids));
			return select;
		}, this::snapshot).forEach((saga) -> locked.byOrder.put(saga.orderId(), saga));
	}

	@Override
	public Optional<OrderFulfillmentSaga> lock(SagaId id) {
		return one("SELECT " + COLUMNS + " FROM saga WHERE saga_id = ? FOR UPDATE", id.value())
			.map(OrderFulfillmentSaga::restore);
	}

	@Override
	public List<OrderFulfillmentSaga> lockDue(Instant now, int limit) {
		return this.jdbc
			.query("SELECT " + COLUMNS
					+ " FROM saga WHERE deadline <= ? ORDER BY deadline LIMIT ? FOR UPDATE SKIP LOCKED", this::snapshot,
					timestamp(now), limit)
			.stream()
			.map(OrderFulfillmentSaga::restore)
			.toList();
	}

	@Override
	public Optional<OrderFulfillmentSaga.Snapshot> find(SagaId id) {
		return one("SELECT " + COLUMNS + " FROM saga WHERE saga_id = ?", id.value());
	}

	@Override
	public List<OrderFulfillmentSaga.Snapshot> search(OrderId orderId, SagaState state, int page, int size) {
		List<Object> arguments = new ArrayList<>(filterArguments(orderId, state));
		arguments.add(size);
		arguments.add((long) page * size);
		return this.jdbc.query("SELECT " + COLUMNS + " FROM saga" + filter(orderId, state)
				+ " ORDER BY started_at DESC, saga_id LIMIT ? OFFSET ?", this::snapshot, arguments.toArray());
	}

	@Override
	public long count(OrderId orderId, SagaState state) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM saga" + filter(orderId, state), Long.class,
				filterArguments(orderId, state).toArray());
		return (count != null) ? count : 0;
	}

	private static final String STUCK = """
			state = 'COMPENSATION_FAILED' OR (state IN ('PROCESSING', 'COMPENSATING') AND deadline < ?)""";

	@Override
	public List<OrderFulfillmentSaga.Snapshot> stuck(Instant overdueBefore, int limit) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM saga WHERE " + STUCK
						+ " ORDER BY state <> 'COMPENSATION_FAILED', deadline, saga_id LIMIT ?",
				this::snapshot, timestamp(overdueBefore), limit);
	}

	@Override
	public long countStuck(Instant overdueBefore) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM saga WHERE " + STUCK, Long.class,
				timestamp(overdueBefore));
		return (count != null) ? count : 0;
	}

	@Override
	public List<Active> active(Instant now) {
		return this.jdbc.query("""
				SELECT state, count(*), min(started_at) FROM saga
				WHERE state IN ('PROCESSING', 'COMPENSATING', 'COMPENSATION_FAILED')
				GROUP BY state""", (rs, row) -> new Active(SagaState.valueOf(rs.getString(1)), rs.getLong(2),
				Duration.between(rs.getTimestamp(3).toInstant(), now)));
	}

	private static String filter(OrderId orderId, SagaState state) {
		List<String> conditions = new ArrayList<>();
		if (orderId != null) {
			conditions.add("order_id = ?");
		}
		if (state != null) {
			conditions.add("state = ?");
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static List<Object> filterArguments(OrderId orderId, SagaState state) {
		List<Object> arguments = new ArrayList<>();
		if (orderId != null) {
			arguments.add(orderId.value());
		}
		if (state != null) {
			arguments.add(state.name());
		}
		return arguments;
	}

	/**
	 * The sagas {@link #lockByOrders} locked in the current transaction and that no
	 * {@link #lockByOrder} has taken yet.
	 */
	private static final class Locked extends TransactionScoped {

		private final Map<OrderId, OrderFulfillmentSaga.Snapshot> byOrder = new HashMap<>();

		Locked(Object owner) {
			super(owner);
		}

	}

	private Optional<OrderFulfillmentSaga.Snapshot> one(String sql, Object key) {
		return this.jdbc.query(sql, this::snapshot, key).stream().findFirst();
	}

	private OrderFulfillmentSaga.Snapshot snapshot(ResultSet rs, int row) throws SQLException {
		Data data = this.json.readValue(rs.getString("data"), Data.class);
		String step = rs.getString("step");
		return new OrderFulfillmentSaga.Snapshot(new SagaId(rs.getObject("saga_id", java.util.UUID.class)),
				new OrderId(rs.getString("order_id")), data.order(), data.correlationId(), data.traceparent(),
				instant(rs.getTimestamp("started_at")), rs.getLong("version"), data.effects(),
				this.json.readValue(rs.getString("history"), HISTORY), SagaState.valueOf(rs.getString("state")),
				(step != null) ? Step.valueOf(step) : null, rs.getInt("attempt"), data.stepStartedAt(),
				instant(rs.getTimestamp("deadline")), data.cancellationRequested(), data.failureReason(),
				data.trackingNumber(), instant(rs.getTimestamp("ended_at")));
	}

	private String data(OrderFulfillmentSaga.Snapshot s) {
		return this.json.writeValueAsString(new Data(s.order(), s.correlationId(), s.traceparent(), s.effects(),
				s.stepStartedAt(), s.cancellationRequested(), s.failureReason(), s.trackingNumber()));
	}

	private static String name(Step step) {
		return (step != null) ? step.name() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The part of a saga stored as JSON. Sagas stored before {@code traceparent} was
	 * added read it as {@code null}.
	 */
	record Data(OrderDetails order, String correlationId, String traceparent, Map<Effect, EffectStatus> effects,
			Instant stepStartedAt, boolean cancellationRequested, String failureReason, String trackingNumber) {

	}

}
