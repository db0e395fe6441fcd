package com.example.shop.platform.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A server that speaks the MongoDB wire protocol
 * ({@code de.bwaldvogel:mongo-java-server}) in a child JVM, storing its documents in an
 * H2 file under {@code data/mongo}, or in memory (see {@link IdIndexedH2Backend}). It
 * supports what the read models use; multi-document transactions and change streams are
 * left to a real MongoDB.
 */
public final class MongoWireServer implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private final ChildProcess process;

	private final int port;

	private MongoWireServer(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the server and waits until it accepts connections.
	 * @param persistent keep the documents in {@code data/mongo} across restarts, else in
	 * memory
	 */
	public static MongoWireServer start(RunDirectory run, int port, boolean persistent) {
		List<String> arguments = persistent
				? List.of(String.valueOf(port), run.data("mongo").resolve("documents.mv").toString())
				: List.of(String.valueOf(port));
		ChildProcess process = ChildProcess.startJava(run, "mongo", List.of("-Xms64m", "-Xmx512m"),
				MongoWireServer.class, arguments);
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (!Ports.accepts(port)) {
			if (!process.isAlive()) {
				throw new LocalStackException("The MongoDB wire server exited while starting; see " + process.log()
						+ ":" + System.lineSeparator() + process.logTail(15));
			}
			if (Instant.now().isAfter(deadline)) {
				process.stop(Duration.ZERO);
				throw new LocalStackException("The MongoDB wire server did not start within "
						+ STARTUP_TIMEOUT.toSeconds() + " s; see " + process.log());
			}
			Sleep.briefly();
		}
		return new MongoWireServer(process, port);
	}

	/**
	 * The child JVM's entry point: {@code MongoWireServer <port> [<h2 file>]}.
	 */
	public static void main(String[] args) throws InterruptedException {
		String file = null;
		if (args.length > 1) {
			Path path = Path.of(args[1]);
			path.getParent().toFile().mkdirs();
			file = path.toString();
		}
		MongoServer server = new MongoServer(new IdIndexedH2Backend(file));
		server.bind("127.0.0.1", Integer.parseInt(args[0]));
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		System.out.println("MongoDB wire server listening on 127.0.0.1:" + args[0]);
		Thread.currentThread().join();
	}

	/**
	 * The connection string for a database on this server.
	 */
	public String uri(String database) {
		return "mongodb://127.0.0.1:" + this.port + "/" + database;
	}

	public ChildProcess process() {
		return this.process;
	}

	@Override
	public void close() {
		this.process.stop(Duration.ofSeconds(10));
	}

}
