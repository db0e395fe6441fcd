package com.example.shop.saga.adapter.web;

import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.openapi.ApiContract;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST contract of the running service: it serves the committed
 * {@code docs/api/saga-orchestrator.json}, and every documented example answers a
 * documented status.
 */
@ServiceIntegrationTest
class ApiContractIT {

	@Value("${local.server.port}")
	int port;

	@Test
	void servesTheCommittedDocument() {
		ApiContract.of("saga-orchestrator", this.port).servedDocumentIsTheCommittedOne();
	}

	@Test
	void everyDocumentedExampleAnswersADocumentedStatus() {
		assertThat(ApiContract.of("saga-orchestrator", this.port).documentedExamplesAnswerDocumentedStatuses())
			.isNotEmpty();
	}

}
