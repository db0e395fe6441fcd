package com.example.shop.payment.adapter.web;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.example.shop.platform.testsupport.ServiceApi;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TestPrincipal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static com.example.shop.platform.testsupport.ServiceApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts API over HTTP against the running service: every status code it promises.
 */
@ServiceIntegrationTest
class AccountsApiIT {

	private static final AtomicInteger CUSTOMERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(300_000));

	@Autowired
	ServiceApi api;

	@Autowired
	JsonMapper json;

	@Test
	void opensAnAccountWithItsVersionAndLocation() throws Exception {
		String customer = newCustomerId();

		HttpResponse<String> response = api.post("/accounts", account(customer, "EUR", "100"));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location")).hasValue("/accounts/" + customer);
		assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("customerId").asString()).isEqualTo(customer);
		assertThat(body.get("balance").decimalValue()).isEqualByComparingTo("100");
		assertThat(body.get("currency").asString()).isEqualTo("EUR");
		assertThat(body.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void openingAnAccountTwiceIs409() throws Exception {
		String customer = openAccount("10.00");

		HttpResponse<String> again = api.post("/accounts", account(customer, "EUR", "20"));

		assertProblem(again, 409);
		assertThat(again.body()).contains("open already");
		assertThat(balanceOf(customer)).isEqualByComparingTo("10.00");
	}

	@Test
	void aDepositRaisesTheBalanceAndTheVersion() throws Exception {
		String customer = openAccount("10.00");

		HttpResponse<String> response = api.post("/accounts/" + customer + "/deposits", deposit("5.25", "EUR"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("balance").decimalValue()).isEqualByComparingTo("15.25");
		assertThat(body.get("version").asLong()).isEqualTo(2);
	}

	@Test
	void readsBalanceMovementsAndVersion() throws Exception {
		String customer = openAccount("10.00");
		api.post("/accounts/" + customer + "/deposits", deposit("2.50", "EUR"));

		HttpResponse<String> response = api.get("/accounts/" + customer);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("balance").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(body.get("currency").asString()).isEqualTo("EUR");
		assertThat(body.get("version").asLong()).isEqualTo(2);
		assertThat(body.get("charges").isEmpty()).isTrue();
		assertThat(body.get("recentMovements").findValuesAsString("type")).containsExactly("DEPOSIT", "OPENING");
		assertThat(body.get("recentMovements").get(0).get("amount").decimalValue()).isEqualByComparingTo("2.50");
	}

	@Test
	void unknownAccountsAre404() throws Exception {
		String customer = newCustomerId();

		assertProblem(api.get("/accounts/" + customer), 404);
		assertProblem(api.post("/accounts/" + customer + "/deposits", deposit("5", "EUR")), 404);
		assertProblem(api.get("/accounts/not-a-customer"), 404);
	}

	@Test
	void invalidFieldsAre400WithEachField() throws Exception {
		HttpResponse<String> response = api.post("/accounts", account("bob", "euro", "-1"));

		assertProblem(response, 400);
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("customerId", "currency",
				"initialBalance");
	}

	@Test
	void aDepositThatIsNotPositiveIs400() throws Exception {
		String customer = openAccount("10.00");

		HttpResponse<String> response = api.post("/accounts/" + customer + "/deposits", deposit("0", "EUR"));

		assertProblem(response, 400);
		assertThat(json.readTree(response.body()).get("errors").findValuesAsString("field")).containsExactly("amount");
	}

	@Test
	void wellFormedInputThatBreaksARuleIs422WithTheField() throws Exception {
		String customer = openAccount("10.00");

		HttpResponse<String> otherCurrency = api.post("/accounts/" + customer + "/deposits", deposit("5", "USD"));
		HttpResponse<String> tooPrecise = api.post("/accounts/" + customer + "/deposits", deposit("5.001", "EUR"));
		HttpResponse<String> noCurrency = api.post("/accounts", account(newCustomerId(), "XYZ", "1"));

		assertProblem(otherCurrency, 422);
		assertThat(json.readTree(otherCurrency.body()).get("errors").findValuesAsString("field"))
			.containsExactly("currency");
		assertProblem(tooPrecise, 422);
		assertThat(json.readTree(tooPrecise.body()).get("errors").findValuesAsString("field"))
			.containsExactly("amount");
		assertProblem(noCurrency, 422);
		assertThat(balanceOf(customer)).isEqualByComparingTo("10.00");
	}

	@Test
	void malformedJsonIs400() throws Exception {
		HttpResponse<String> response = api.post("/accounts", "{\"customerId\": ");

		assertProblem(response, 400);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
	}

	@Test
	void aBodyThatIsNotJsonIs415() throws Exception {
		HttpRequest.Builder request = api.request("/accounts")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("open please"));

		assertProblem(api.send(request), 415);
	}

	@Test
	void aBodyOverTheLimitIs413() throws Exception {
		String huge = account(newCustomerId(), "EUR", "1" + "0".repeat(70_000));

		assertProblem(api.post("/accounts", huge), 413);
	}

	@Test
	void aChunkedBodyOverTheLimitIs413() throws Exception {
		String huge = account(newCustomerId(), "EUR", "1" + "0".repeat(70_000));

		assertProblem(api.postChunked("/accounts", huge), 413);
	}

	@Test
	void anUnknownRouteIsAProblem() throws Exception {
		assertProblem(api.get("/no-such-thing"), 404);
	}

	@Test
	void concurrentDepositsAreNeitherLostNorDoubled() throws Exception {
		String customer = openAccount("0.00");
		List<Callable<Integer>> deposits = IntStream.range(0, 8)
			.<Callable<Integer>>mapToObj(
					(i) -> () -> api.post("/accounts/" + customer + "/deposits", deposit("1.00", "EUR")).statusCode())
			.toList();

		List<Integer> statuses;
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			statuses = pool.invokeAll(deposits).stream().map(AccountsApiIT::result).toList();
		}

		assertThat(statuses).allMatch((status) -> status == 200 || status == 409);
		long accepted = statuses.stream().filter((status) -> status == 200).count();
		assertThat(accepted).isPositive();
		assertThat(balanceOf(customer)).isEqualByComparingTo(String.valueOf(accepted));
	}

	@Test
	void theOpenApiDocumentDescribesTheAccountsApi() throws Exception {
		HttpResponse<String> docs = api.get("/v3/api-docs");
		HttpResponse<String> ui = api.get("/swagger-ui/index.html");

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(json.readTree(docs.body()).get("paths").propertyNames()).contains("/accounts",
				"/accounts/{customerId}", "/accounts/{customerId}/deposits");
		assertThat(ui.statusCode()).isEqualTo(200);
	}

	private String openAccount(String balance) throws Exception {
		String customer = newCustomerId();
		HttpResponse<String> response = api.post("/accounts", account(customer, "EUR", balance));
		assertThat(response.statusCode()).isEqualTo(201);
		return customer;
	}

	private BigDecimal balanceOf(String customer) throws Exception {
		return json.readTree(api.get("/accounts/" + customer).body()).get("balance").decimalValue();
	}

	/**
	 * Customer ids of this class: C-1xxxxx to C-4xxxxx, apart from other test classes
	 * that share the database.
	 */
	private static String newCustomerId() {
		return "C-%06d".formatted(100_000 + CUSTOMERS.getAndIncrement());
	}

	@Test
	void aCustomerReadsTheirOwnAccountOnlyAndMovesNoMoney() throws Exception {
		assertThat(api.post("/accounts", account("C-000001", "EUR", "10.00")).statusCode()).isIn(201, 409);

		assertThat(api.as(TestPrincipal.ALICE).get("/accounts/C-000001").statusCode()).isEqualTo(200);
		HttpResponse<String> bobs = api.as(TestPrincipal.BOB).get("/accounts/C-000001");
		HttpResponse<String> nobodys = api.as(TestPrincipal.BOB).get("/accounts/C-999999");
		assertThat(bobs.statusCode()).as("another customer's account is not found").isEqualTo(404);
		assertThat(json.readTree(bobs.body()).get("title")).isEqualTo(json.readTree(nobodys.body()).get("title"));

		assertThat(api.as(TestPrincipal.ALICE)
			.post("/accounts/C-000001/deposits", "{\"amount\":1000000,\"currency\":\"EUR\"}")
			.statusCode()).as("only finance deposits").isEqualTo(403);
		assertThat(api.as(TestPrincipal.ALICE).post("/accounts", account("C-000001", "EUR", "1000000")).statusCode())
			.as("only finance opens accounts, with their opening balance")
			.isEqualTo(403);
	}

	private static String account(String customerId, String currency, String initialBalance) {
		return """
				{"customerId":"%s","currency":"%s","initialBalance":%s}""".formatted(customerId, currency,
				initialBalance);
	}

	private static String deposit(String amount, String currency) {
		return """
				{"amount":%s,"currency":"%s"}""".formatted(amount, currency);
	}

	private static <T> T result(Future<T> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
