package com.example.shop.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts the round trips its connections make to the server: every
 * statement executed and every commit or rollback. (The driver sends a transaction's
 * {@code BEGIN} with its first statement, so it costs no round trip of its own.)
 */
final class RoundTrips extends DelegatingDataSource {

	private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate", "executeBatch", "executeLargeBatch");

	private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall");

	private final AtomicLong count = new AtomicLong();

	RoundTrips(DataSource target) {
		super(target);
	}

	long count() {
		return this.count.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return counted(Connection.class, super.getConnection(), (method) -> {
			if (method.getName().equals("commit") || method.getName().equals("rollback")) {
				this.count.incrementAndGet();
			}
		});
	}

	private <T> T counted(Class<T> type, T target, Counting counting) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			counting.before(method);
			Object result;
			try {
				result = method.invoke(target, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (type == Connection.class && STATEMENTS.contains(method.getName())) {
				return counted(Statement.class.isAssignableFrom(method.getReturnType()) ? cast(method.getReturnType())
						: Statement.class, (Statement) result, this::countExecution);
			}
			return result;
		};
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
	}

	private void countExecution(Method method) {
		if (EXECUTIONS.contains(method.getName())) {
			this.count.incrementAndGet();
		}
	}

	@SuppressWarnings("unchecked")
	private static Class<Statement> cast(Class<?> type) {
		return (Class<Statement>) type;
	}

	@FunctionalInterface
	private interface Counting {

		void before(Method method);

	}

}
