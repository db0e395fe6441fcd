package com.example.shop.payment.config;

import java.time.Clock;
import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.payment.application.AccountCommands;
import com.example.shop.payment.application.AccountQueries;
import com.example.shop.payment.application.PaymentReplies;
import com.example.shop.payment.domain.Account;
import com.example.shop.payment.domain.AccountEvent;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.platform.eventing.TopicDeclarations;
import com.example.shop.platform.eventing.aggregate.AggregateRepositories;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.EventTypes;
import com.example.shop.platform.eventing.store.ConflictRetry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

	/**
	 * The Account's events under their logical names. Streams are one per customer and
	 * grow by one or two events per order; they are replayed whole (no snapshots yet).
	 */
	static final EventTypes<AccountEvent> ACCOUNT_EVENTS = EventTypes.of(AccountEvent.class)
		.register(AccountEvent.AccountOpened.class, "AccountOpened", 1)
		.register(AccountEvent.MoneyDeposited.class, "MoneyDeposited", 1)
		.register(AccountEvent.PaymentCharged.class, "PaymentCharged", 1)
		.register(AccountEvent.PaymentFailed.class, "PaymentFailed", 1)
		.register(AccountEvent.PaymentRefunded.class, "PaymentRefunded", 1)
		.register(AccountEvent.OrderClosed.class, "OrderClosed", 1);

	@Bean
	AggregateRepository<CustomerId, Account, AccountEvent> accountRepository(AggregateRepositories repositories) {
		return repositories.of("account", CustomerId::value, Account::new, ACCOUNT_EVENTS);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	AccountCommands accountCommands(AggregateRepository<CustomerId, Account, AccountEvent> accounts,
			PaymentReplies replies, TransactionTemplate transactions, ConflictRetry retry, Clock clock) {
		return new AccountCommands(accounts, replies, transactions, retry, clock);
	}

	@Bean
	AccountQueries accountQueries(AggregateRepository<CustomerId, Account, AccountEvent> accounts) {
		return new AccountQueries(accounts);
	}

	@Bean
	KafkaAdmin.NewTopics paymentTopics(PaymentProperties properties) {
		return TopicDeclarations.of(properties.topicPartitions(),
				List.of(Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS), List.of(Topics.PAYMENTS_COMMANDS));
	}

}
