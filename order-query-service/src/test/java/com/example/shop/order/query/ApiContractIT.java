package com.example.shop.order.query;

import java.util.List;

import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.openapi.ApiContractTests;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST contract of the running service: it serves the committed
 * {@code docs/api/order-query-service.json}, and every documented example answers a
 * documented status.
 */
@ServiceIntegrationTest
@Import(QueryTestDriver.Configuration.class)
class ApiContractIT extends ApiContractTests {

	@Autowired
	QueryTestDriver driver;

	@Autowired
	JsonMapper json;

	@Override
	protected void replayed(List<String> calls) {
		assertThat(calls).contains("POST /projections/{name}/rebuild -> 202");
		// the documented example started a rebuild: the tests after this one find every
		// projection live
		QueryTestDriver.awaitTrue(() -> this.json.readTree(this.driver.get("/projections").body())
			.findValuesAsString("state")
			.stream()
			.allMatch("LIVE"::equals));
	}

}
