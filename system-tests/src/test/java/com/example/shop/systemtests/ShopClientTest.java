package com.example.shop.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How the client spreads calls over a service's instances: in turn, and past one that
 * refuses connections, against a real HTTP server and a port nobody listens on.
 */
class ShopClientTest {

	private final AtomicInteger served = new AtomicInteger();

	private HttpServer live;

	private String down;

	@BeforeEach
	void start() throws IOException {
		this.live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.live.createContext("/products/", (exchange) -> {
			this.served.incrementAndGet();
			byte[] body = "{\"sku\":\"SKU-1\",\"available\":3}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.live.start();
		try (ServerSocket socket = new ServerSocket(0)) {
			this.down = "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	@AfterEach
	void stop() {
		this.live.stop(0);
	}

	@Test
	void aCallThatAnInstanceRefusesGoesToTheNextOne() {
		String up = "http://127.0.0.1:" + this.live.getAddress().getPort();
		try (ShopClient shop = new ShopClient(Map.of(Service.INVENTORY, List.of(this.down, up)), () -> "Bearer test")) {
			for (int call = 0; call < 4; call++) {
				assertThat(shop.product("SKU-1").get("available").asInt()).isEqualTo(3);
			}
		}
		assertThat(this.served).hasValue(4);
	}

	@Test
	void callsGoToTheInstancesInTurn() throws IOException {
		HttpServer second = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		AtomicInteger servedBySecond = new AtomicInteger();
		second.createContext("/products/", (exchange) -> {
			servedBySecond.incrementAndGet();
			byte[] body = "{\"sku\":\"SKU-1\",\"available\":3}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		second.start();
		try (ShopClient shop = new ShopClient(
				Map.of(Service.INVENTORY, List.of("http://127.0.0.1:" + this.live.getAddress().getPort(),
						"http://127.0.0.1:" + second.getAddress().getPort())),
				() -> "Bearer test")) {
			for (int call = 0; call < 6; call++) {
				shop.product("SKU-1");
			}
		}
		finally {
			second.stop(0);
		}
		assertThat(this.served).hasValue(3);
		assertThat(servedBySecond).hasValue(3);
	}

	@Test
	void whenNoInstanceAnswersTheCallFailsAndSaysWhere() {
		try (ShopClient shop = new ShopClient(Map.of(Service.INVENTORY, List.of(this.down, this.down)),
				() -> "Bearer test")) {
			assertThatIllegalStateException().isThrownBy(() -> shop.product("SKU-1"))
				.withMessageContaining("GET INVENTORY/products/SKU-1 failed");
		}
	}

}
