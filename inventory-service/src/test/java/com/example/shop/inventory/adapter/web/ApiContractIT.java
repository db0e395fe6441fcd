package com.example.shop.inventory.adapter.web;

import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.openapi.ApiContract;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST contract of the running service: it serves the committed
 * {@code docs/api/inventory-service.json}, and every documented example answers a
 * documented status.
 */
@ServiceIntegrationTest
class ApiContractIT {

	@Value("${local.server.port}")
	int port;

	@Test
	void servesTheCommittedDocument() {
		ApiContract.of("inventory-service", this.port).servedDocumentIsTheCommittedOne();
	}

	@Test
	void everyDocumentedExampleAnswersADocumentedStatus() {
		assertThat(ApiContract.of("inventory-service", this.port).documentedExamplesAnswerDocumentedStatuses())
			.isNotEmpty();
	}

}
