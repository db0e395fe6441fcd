package com.example.shop.payment;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.example.shop.contracts.Topics;
import com.example.shop.payment.application.AccountCommands;
import com.example.shop.payment.application.AccountQueries;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.payment.domain.Money;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.testsupport.DatabaseOutageTests;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outage of {@link DatabaseOutageTests} for the payment service: reading an account
 * answers 503 while PostgreSQL is away, and the saga's {@code ChargePayment} sent
 * meanwhile is charged once it is back.
 */
@ServiceIntegrationTest
@DirtiesContext
class DatabaseOutageIT extends DatabaseOutageTests {

	/** A customer of this class: C-900000 to C-999998, apart from other test classes. */
	private final CustomerId customer = new CustomerId(
			"C-%06d".formatted(900_000 + ThreadLocalRandom.current().nextInt(99_999)));

	private final String orderId = UUID.randomUUID().toString();

	@Autowired
	AccountCommands accounts;

	@Autowired
	AccountQueries queries;

	@DynamicPropertySource
	static void reachTheDatabaseThroughAProxy(DynamicPropertyRegistry registry) {
		proxyPostgres(registry);
	}

	@BeforeAll
	void openAnAccount() {
		this.accounts.open(this.customer, Money.of("100.00", "EUR"), EventMetadata.newRequest("test", null));
	}

	@Override
	protected List<HttpRequest> requests() {
		return List.of(request("/accounts/" + this.customer.value()).GET().build());
	}

	@Override
	protected String topic() {
		return Topics.PAYMENTS_COMMANDS;
	}

	@Override
	protected void publishDuringOutage() throws Exception {
		publish(this.orderId, "ChargePayment", """
				{"orderId":"%s","customerId":"%s","amount":30.00,"currency":"EUR"}""".formatted(this.orderId,
				this.customer.value()));
	}

	@Override
	protected boolean applied() {
		return this.queries.find(this.customer).aggregate().balance().compareTo(new BigDecimal("70.00")) == 0;
	}

}
