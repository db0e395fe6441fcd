package com.example.shop.platform.testsupport.openapi;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.example.shop.platform.testsupport.TestPrincipal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract tests every service runs against itself: it serves its committed
 * {@code docs/api/<spring.application.name>.json}; every documented example answers a
 * documented status; every operation admits exactly the roles it documents (the
 * authorization matrix); and generated requests, many of them hostile, get no server
 * error and only documented answers ({@link ApiFuzzer}). A service's
 * {@code ApiContractIT} extends this with {@code @ServiceIntegrationTest}.
 * <p>
 * Each run fuzzes with a new seed and {@value #FUZZ_REQUESTS} requests; a finding names
 * its seed. To replay it, or to fuzz longer, build with {@code -Dshop.fuzz.seed=<seed>}
 * and {@code -Dshop.fuzz.requests=<n>}.
 */
public abstract class ApiContractTests {

	/** Requests per service and run: five services make 10,000 per build. */
	static final int FUZZ_REQUESTS = 2000;

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

	@Test
	void generatedRequestsGetNoServerErrorAndOnlyDocumentedAnswers() {
		ApiContract contract = ApiContract.of(this.service, this.port);
		long seed = Long.getLong("shop.fuzz.seed", ThreadLocalRandom.current().nextLong());
		int requests = Integer.getInteger("shop.fuzz.requests", FUZZ_REQUESTS);
		ApiFuzzer.Run run = new ApiFuzzer(contract.servedDocument(), contract.baseUrl(),
				TestPrincipal.TRUSTED_CLIENT::authorization)
			.fuzz(seed, requests);
		System.out.printf("Fuzzed %s with %d requests from seed %d: %s%n", this.service, requests, seed,
				run.statuses());
		assertThat(run.findings()).as("answers to generated requests (seed %d)", seed).isEmpty();
		fuzzed(run);
	}

	/**
	 * Checks what the fuzzing did. A service whose later tests must not find what the
	 * generated requests did undoes it here (the query service waits until every
	 * projection is live again); the orders, accounts and products they made stay.
	 * @param run what the generated requests were answered
	 */
	protected void fuzzed(ApiFuzzer.Run run) {
		assertThat(run.statuses().keySet()).as("statuses answered to generated requests")
			.anyMatch((status) -> status.matches(".* -> 2\\d\\d"))
			.anyMatch((status) -> status.matches(".* -> 4\\d\\d"));
	}

	/**
	 * Checks what the replay did, and undoes what must not outlast it.
	 * @param calls each call made, e.g. {@code POST /orders -> 201}
	 */
	protected void replayed(List<String> calls) {
		assertThat(calls).isNotEmpty();
	}

}
