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
 * accepts no new one, {@link #restore()} accepts connections again. A service under test
 * is pointed at {@link #port()} instead of the server.
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

	/** The server is back. */
	public void restore() {
		this.crusher.open();
	}

	@Override
	public void close() {
		this.crusher.close();
		this.reactor.close();
	}

}
