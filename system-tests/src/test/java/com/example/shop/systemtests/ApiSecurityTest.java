package com.example.shop.systemtests;

import org.junit.jupiter.api.BeforeAll;

/**
 * A test of one risk of the OWASP API Security Top 10 against the whole system, with
 * {@link ApiCalls} to call any service as any principal. A subclass's own
 * {@code @BeforeAll} runs after this one's.
 */
abstract class ApiSecurityTest extends SystemTest {

	protected ApiCalls calls;

	@BeforeAll
	void callTheApis() {
		this.calls = new ApiCalls(this.system);
	}

}
