package com.example.shop.platform.localstack;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One service the stack runs: {@code name:port:postgres=<database>} or
 * {@code name:port:mongo=<database>}. Its jar is {@code <name>/target/<name>.jar} below
 * the directory the stack is started from.
 */
record ServiceSpec(String name, int port, Store store, String database) {

	private static final Pattern FORMAT = Pattern
		.compile("([a-z][a-z0-9-]*):(\\d+):(postgres|mongo)=([a-z][a-z0-9_]*)");

	enum Store {

		POSTGRES, MONGO

	}

	static ServiceSpec parse(String text) {
		var matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new LocalStackException(
					"--service takes name:port:postgres=<database> or name:port:mongo=<database>, not " + text);
		}
		return new ServiceSpec(matcher.group(1), Integer.parseInt(matcher.group(2)),
				Store.valueOf(matcher.group(3).toUpperCase()), matcher.group(4));
	}

	Path jar() {
		return Path.of(this.name, "target", this.name + ".jar").toAbsolutePath();
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

}
