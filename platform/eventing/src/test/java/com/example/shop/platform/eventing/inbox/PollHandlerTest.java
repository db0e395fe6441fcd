package com.example.shop.platform.eventing.inbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollHandlerTest {

	@Test
	void idsOfLeavesOutTheMessagesWhoseIdsCannotBeRead() {
		List<String> messages = List.of("1,2", "x", "", "3");

		List<Integer> ids = PollHandler.idsOf(messages, (message) -> message.isEmpty() ? List.of()
				: List.of(message.split(",")).stream().map(Integer::valueOf).toList());

		assertThat(ids).containsExactly(1, 2, 3);
	}

}
