package com.example.shop.platform.testsupport.openapi;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract tests every service runs against itself: it serves its committed
 * {@code docs/api/<spring.application.name>.json}; every documented example answers a
 * documented status; and every operation admits exactly the roles it documents (the
 * authorization matrix). A service's {@code ApiContractIT} extends this with
 * {@code @ServiceIntegrationTest}.
 */
public abstract class ApiContractTests {

	@Value("${local.server.port}")
	int port;

	@Value("${spring.application.name}")
	String service;

	@Test
	void servesTheCommittedDocument() {
		ApiContract.of(this.service, this.port).servedDocumentIsTheCommittedOne();
	}

	@Test
	void everyOperationAdmitsExactlyItsDocumentedRoles() {
		assertThat(ApiContract.of(this.service, this.port).everyOperationAdmitsExactlyItsDocumentedRoles())
			.isNotEmpty();
	}

	@Test
	void everyDocumentedExampleAnswersADocumentedStatus() {
		replayed(ApiContract.of(this.service, this.port).documentedExamplesAnswerDocumentedStatuses());
	}

	/**
	 * Checks what the replay did, and undoes what must not outlast it.
	 * @param calls each call made, e.g. {@code POST /orders -> 201}
	 */
	protected void replayed(List<String> calls) {
		assertThat(calls).isNotEmpty();
	}

}
