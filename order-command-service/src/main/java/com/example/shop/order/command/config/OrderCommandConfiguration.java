package com.example.shop.order.command.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.order.command.application.IdempotencyKeys;
import com.example.shop.order.command.application.OrderAnnouncements;
import com.example.shop.order.command.application.OrderCommands;
import com.example.shop.order.command.application.OrderHistory;
import com.example.shop.order.command.domain.Order;
import com.example.shop.order.command.domain.OrderEvent;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.platform.eventing.GroupCommit;
import com.example.shop.platform.eventing.RetentionPurge;
import com.example.shop.platform.eventing.TopicDeclarations;
import com.example.shop.platform.eventing.aggregate.AggregateRepositories;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.EventTypes;
import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.platform.eventing.store.EventStore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderCommandProperties.class)
class OrderCommandConfiguration {

	/**
	 * The Order's events under their logical names. Order streams are short, so there are
	 * no snapshots.
	 */
	static final EventTypes<OrderEvent> ORDER_EVENTS = EventTypes.of(OrderEvent.class)
		.register(OrderEvent.OrderPlaced.class, "OrderPlaced", 1)
		.register(OrderEvent.OrderConfirmed.class, "OrderConfirmed", 1)
		.register(OrderEvent.OrderRejected.class, "OrderRejected", 1)
		.register(OrderEvent.OrderCancellationRequested.class, "OrderCancellationRequested", 1)
		.register(OrderEvent.OrderCancelled.class, "OrderCancelled", 1);

	@Bean
	AggregateRepository<OrderId, Order, OrderEvent> orderRepository(AggregateRepositories repositories) {
		return repositories.of("order", OrderId::toString, Order::new, ORDER_EVENTS);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	OrderCommands orderCommands(AggregateRepository<OrderId, Order, OrderEvent> orders, IdempotencyKeys idempotencyKeys,
			OrderAnnouncements announcements, Outbox outbox, TransactionTemplate transactions, GroupCommit groupCommit,
			Clock clock) {
		return new OrderCommands(orders, idempotencyKeys, announcements, outbox, transactions, groupCommit, clock);
	}

	@Bean
	OrderHistory orderHistory(AggregateRepository<OrderId, Order, OrderEvent> orders, EventStore events) {
		return new OrderHistory(orders, events);
	}

	/**
	 * Deletes the idempotency keys older than their retention, every hour.
	 */
	@Bean
	RetentionPurge idempotencyKeyPurge(JdbcTemplate jdbc, OrderCommandProperties properties) {
		return new RetentionPurge(jdbc, "idempotency_key", "created_at", properties.idempotencyKeyRetention(),
				Duration.ofHours(1));
	}

	@Bean
	KafkaAdmin.NewTopics orderTopics(OrderCommandProperties properties) {
		return TopicDeclarations.of(properties.topicPartitions(), List.of(Topics.ORDERS_EVENTS, Topics.ORDERS_COMMANDS),
				List.of(Topics.ORDERS_COMMANDS));
	}

}
