package com.example.shop.platform.eventing;

import java.util.List;
import java.util.stream.Stream;

import com.example.shop.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service creates when it starts, as one bean that Spring's
 * {@link KafkaAdmin} reads: the topics it owns (those it publishes to and the command
 * topic it listens on) and the dead-letter topic ({@code <topic>-dlt}) of each topic it
 * consumes, all with the same number of partitions. A topic that exists is left as it is.
 * In a deployment the topics are created ahead (compose and Kubernetes do); this is what
 * makes a service start on a bare broker, as in tests and the local stack.
 */
public final class TopicDeclarations {

	private TopicDeclarations() {
	}

	/**
	 * The topics as one bean for {@link KafkaAdmin}.
	 * @param partitions the partitions of every topic created
	 * @param owned the topics the service owns
	 * @param consumed the topics whose dead letters it writes
	 */
	public static KafkaAdmin.NewTopics of(int partitions, List<String> owned, List<String> consumed) {
		return new KafkaAdmin.NewTopics(topics(partitions, owned, consumed).toArray(NewTopic[]::new));
	}

	/**
	 * The owned topics, then a dead-letter topic for each consumed one.
	 */
	static List<NewTopic> topics(int partitions, List<String> owned, List<String> consumed) {
		return Stream.concat(owned.stream(), consumed.stream().map(Topics::deadLetter))
			.map((topic) -> TopicBuilder.name(topic).partitions(partitions).build())
			.toList();
	}

}
