package com.example.shop.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import com.example.shop.platform.localstack.Ports;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy on a free loopback port in front of a real server, for a test that takes
 * the server away as an outage would: {@link #cut()} closes every open connection and
 * accepts no new one, {@link #freeze()} lets nothing through either way while connections
 * stay open, and {@link #restore()} undoes either. A service under test is pointed at
 * {@link #port()} instead of the server.
 */
public final class TcpProxy implements AutoCloseable {

	private final NioReactor reactor;

	private final TcpCrusher crusher;

	private final int port;

	private TcpProxy(String host, int serverPort) {
		this.port = Ports.free();
		try {
			this.reactor = new NioReactor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.crusher = TcpCrusherBuilder.builder()
			.withReactor(this.reactor)
			.withBindAddress("127.0.0.1", this.port)
			.withConnectAddress(host, serverPort)
			.buildAndOpen();
	}

	/**
	 * A proxy to the server of a URL such as {@code jdbc:postgresql://host:port/db} or
	 * {@code mongodb://host:port/db}.
	 */
	public static TcpProxy to(String url) {
		URI server = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
		return new TcpProxy(server.getHost(), server.getPort());
	}

	/**
	 * The URL with the proxy's address in place of the server's.
	 */
	public String rewrite(String url) {
		URI server = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
		return url.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + this.port);
	}

	public int port() {
		return this.port;
	}

	/** The server goes away: open connections are cut, new ones refused. */
	public void cut() {
		this.crusher.closeAllPairs();
		this.crusher.close();
	}

	/**
	 * The server stops answering, as behind a network partition or on a stalled host:
	 * open connections stay open and new ones are made, but no byte goes through either
	 * way, so a client learns of it only from a timeout of its own.
	 */
	public void freeze() {
		this.crusher.freeze();
	}

	/** The server is back. */
	public void restore() {
		if (!this.crusher.isOpen()) {
			this.crusher.open();
		}
		else if (this.crusher.isFrozen()) {
			this.crusher.unfreeze();
		}
	}

	@Override
	public void close() {
		this.crusher.close();
		this.reactor.close();
	}

}
