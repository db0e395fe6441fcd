package com.example.shop.platform.localstack;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One instance of a service the stack runs: {@code name:port:postgres=<database>} or
 * {@code name:port:mongo=<database>} for the first; see {@link #instance(int)} for the
 * others. Its jar is {@code <name>/target/<name>.jar} below the directory the stack is
 * started from.
 *
 * @param name the service's module, e.g. {@code payment-service}
 * @param port where this instance listens
 * @param store the kind of database the service owns
 * @param database that database, shared by all instances
 * @param instance 1 for the first instance, 2 for the second, ...
 */
record ServiceSpec(String name, int port, Store store, String database, int instance) {

	/** How far apart the ports of two instances of a service are: 8081, 8181, 8281. */
	static final int INSTANCE_PORT_STEP = 100;

	private static final Pattern FORMAT = Pattern
		.compile("([a-z][a-z0-9-]*):(\\d+):(postgres|mongo)=([a-z][a-z0-9_]*)");

	enum Store {

		POSTGRES, MONGO,

		/** None of its own: the operations console. */
		NONE

	}

	/** The operations console, {@code ops-console}, on this port. */
	static ServiceSpec console(int port) {
		return new ServiceSpec("ops-console", port, Store.NONE, "", 1);
	}

	static ServiceSpec parse(String text) {
		var matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new LocalStackException(
					"--service takes name:port:postgres=<database> or name:port:mongo=<database>, not " + text);
		}
		return new ServiceSpec(matcher.group(1), Integer.parseInt(matcher.group(2)),
				Store.valueOf(matcher.group(3).toUpperCase()), matcher.group(4), 1);
	}

	/**
	 * Another instance of the same service, with the same database and consumer groups:
	 * instance {@code n} listens {@value #INSTANCE_PORT_STEP} ports above instance
	 * {@code n - 1}.
	 */
	ServiceSpec instance(int n) {
		return new ServiceSpec(this.name, this.port + (n - 1) * INSTANCE_PORT_STEP, this.store, this.database, n);
	}

	/**
	 * The instance's process name, for its log, pid file and Kafka client id:
	 * {@code payment-service}, {@code payment-service-2}, ...
	 */
	String processName() {
		return (this.instance == 1) ? this.name : this.name + "-" + this.instance;
	}

	Path jar() {
		return Path.of(this.name, "target", this.name + ".jar").toAbsolutePath();
	}

	/** Where this instance's actuator listens: 1000 above its port (8081: 9081). */
	int managementPort() {
		return this.port + 1000;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

}
