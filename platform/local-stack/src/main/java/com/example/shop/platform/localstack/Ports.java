package com.example.shop.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Port checks for loopback: is a port free, pick a free one, wait until something
 * listens.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * Where {@link #free()} looks: below the ports that operating systems hand to
	 * outgoing connections (Linux 32768-60999, macOS and Windows 49152-65535), so that no
	 * client socket of Kafka, JDBC or HTTP can take a port between the moment it is
	 * chosen and the moment a server binds it. That did happen, with ports the kernel
	 * chose. The range ends below the local stack's fixed ports (MongoDB's 27017). Other
	 * JVMs choose from the same range; a collision between two of them is possible,
	 * though unlikely.
	 */
	private static final int FIRST = 20_000;

	private static final int LAST = 26_999;

	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	/**
	 * A port that was free a moment ago and that this JVM has not handed out before, for
	 * tests that must not collide with a running stack or with each other.
	 */
	public static int free() {
		for (int attempt = 0; attempt < 1_000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
			if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
				return port;
			}
		}
		throw new UncheckedIOException(new IOException("No free port between " + FIRST + " and " + LAST));
	}

	static boolean isFree(int port) {
		if (accepts(port)) {
			return false;
		}
		// every address, as a server binds it by default
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Fails with one line that says who needs the port and how to free or change it.
	 */
	static void requireFree(int port, String user, String howToChange) {
		if (!isFree(port)) {
			throw new LocalStackException("Port " + port + " for " + user + " is already in use: stop what listens"
					+ " there (./stack down stops an earlier stack) or " + howToChange + ".");
		}
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static boolean awaitFree(int port, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (accepts(port)) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			Sleep.briefly();
		}
		return true;
	}

}
