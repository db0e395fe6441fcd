package com.example.shop.platform.localstack;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

	@Test
	void freePortsAreNeverHandedOutTwiceAndLieBelowTheEphemeralRange() throws Exception {
		Set<Integer> ports = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			int port = Ports.free();
			assertThat(port).isBetween(20_000, 26_999);
			assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
		}
	}

	@Test
	void aPortSomethingListensOnIsNotFree() throws Exception {
		try (ServerSocket listening = new ServerSocket(0)) {
			assertThat(Ports.isFree(listening.getLocalPort())).isFalse();
		}
	}

}
