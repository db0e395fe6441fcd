package com.example.shop.platform.eventing;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A service's topics: those it owns, and a dead-letter topic for each it consumes.
 */
class TopicDeclarationsTest {

	@Test
	void declaresTheOwnedTopicsAndTheDeadLettersOfTheConsumedOnesWithThePartitionsGiven() {
		var topics = TopicDeclarations.topics(4, List.of("payments.commands", "payments.events"),
				List.of("payments.commands"));

		assertThat(topics).extracting(NewTopic::name, NewTopic::numPartitions)
			.containsExactly(tuple("payments.commands", 4), tuple("payments.events", 4),
					tuple("payments.commands-dlt", 4));
	}

}
