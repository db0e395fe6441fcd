package com.example.shop.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/**
 * Port checks for loopback: is a port free, pick a free one, wait until something
 * listens.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * A port that was free a moment ago, for tests that must not collide with a running
	 * stack.
	 */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean isFree(int port) {
		if (accepts(port)) {
			return false;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", port));
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
