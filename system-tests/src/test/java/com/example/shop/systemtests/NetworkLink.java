package com.example.shop.systemtests;

import java.time.Duration;

import com.example.shop.platform.localstack.Ports;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * The network between one service and something it uses (its database, the Kafka broker),
 * as a TCP proxy on loopback that a test can make slow or stop: the service is configured
 * to connect to {@link #port()} and the proxy forwards every connection to the real
 * address. Healthy, it only passes bytes on.
 * <ul>
 * <li>{@link #delay} holds every chunk of bytes for the given time, in both directions,
 * as a long or congested route would;</li>
 * <li>{@link #freeze} stops moving bytes on every connection and accepting new ones,
 * while the connections stay open, as a network partition that TCP does not notice would;
 * what was sent meanwhile is delivered after {@link #heal}.</li>
 * </ul>
 */
final class NetworkLink implements AutoCloseable {

	private final String name;

	private final TcpCrusher proxy;

	private final int port;

	private volatile long delayNanos = Throttler.NO_DELAY_NS;

	/**
	 * Opens a proxy on a free port that forwards to {@code 127.0.0.1:targetPort}.
	 * @param name what the link connects, for messages, e.g. {@code saga -> kafka}
	 */
	NetworkLink(NioReactor reactor, String name, String targetHost, int targetPort) {
		this.name = name;
		this.port = Ports.free();
		Throttler delay = (bytes) -> this.delayNanos;
		this.proxy = TcpCrusherBuilder.builder()
			.withReactor(reactor)
			.withBindAddress("127.0.0.1", this.port)
			.withConnectAddress(targetHost, targetPort)
			.withIncomingThrottlerFactory((client) -> delay)
			.withOutgoingThrottlerFactory((client) -> delay)
			.buildAndOpen();
	}

	/** Where the service connects. */
	int port() {
		return this.port;
	}

	/** Holds every chunk of bytes for {@code oneWay} in each direction. */
	void delay(Duration oneWay) {
		this.delayNanos = oneWay.toNanos();
	}

	/**
	 * Stops moving bytes; connections stay open. A delay ends first, and what it held is
	 * let through: netcrusher 0.10 lifts a connection's delay only while the connection
	 * is not frozen, so a connection frozen in the middle of a delay would stay stuck
	 * after {@link #heal}.
	 */
	void freeze() {
		long delayed = this.delayNanos;
		if (delayed > 0) {
			this.delayNanos = Throttler.NO_DELAY_NS;
			ShopClient.pause(Duration.ofNanos(2 * delayed).plusMillis(100));
		}
		this.proxy.freeze();
	}

	/** No delay and no freeze: bytes flow again, those held first. */
	void heal() {
		this.delayNanos = Throttler.NO_DELAY_NS;
		if (this.proxy.isFrozen()) {
			this.proxy.unfreeze();
		}
	}

	/** How many connections have gone through the proxy so far. */
	int connections() {
		return this.proxy.getClientTotalCount();
	}

	@Override
	public void close() {
		this.proxy.close();
	}

	@Override
	public String toString() {
		return this.name + " via 127.0.0.1:" + this.port;
	}

}
