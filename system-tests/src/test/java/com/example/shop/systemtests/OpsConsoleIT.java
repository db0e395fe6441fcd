package com.example.shop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.shop.platform.testsupport.Eventually;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations console in a real browser (Debian's headless Chromium, driven through
 * chromedriver) against the running system: an operator signs in at the issuer, reads
 * orders and their sagas, retries a saga whose compensation failed, redrives a dead
 * letter once its cause is fixed, and rebuilds a projection. Every page it visits must
 * label each control; a screenshot of each goes to {@code target/screenshots/}.
 */
class OpsConsoleIT extends SystemTest {

	/** How long the tests wait for what happens on its own time. */
	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(90);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final AtomicInteger IDS = new AtomicInteger(
			(int) Math.floorMod(System.nanoTime(), 4000L) * 100 + 500_000);

	private String console;

	private WebDriver browser;

	private WebDriverWait wait;

	private MongoClient mongo;

	@BeforeAll
	void start() {
		this.console = this.system.consoleUrl();
		this.mongo = MongoClients.create(this.system.mongoUri());
		this.browser = chromium();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		signIn(this.browser, "olivia");
	}

	@AfterAll
	void close() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.mongo != null) {
			this.mongo.close();
		}
	}

	@Test
	void theOverviewCountsOrdersAndSagasOnItsOwn() {
		this.browser.get(this.console + "/");
		this.wait.until((browser) -> number(browser.findElement(By.id("placed")).getText()) >= 0);
		long placedBefore = number(this.browser.findElement(By.id("placed")).getText());

		String customer = customer("100.00");
		String order = this.shop.placeOrder(customer, product(5), 1, "12.50", "DE").orderId();
		this.shop.awaitSagaState(order, "COMPLETED", SAGA_TIMEOUT);

		// counted again at most every 2 s and swapped in by htmx, without a reload
		this.wait.until((browser) -> number(browser.findElement(By.id("placed")).getText()) > placedBefore);
		assertThat(number(this.browser.findElement(By.id("completed")).getText())).isPositive();
		assertThat(this.browser.findElements(By.cssSelector("figure.chart svg"))).hasSize(3);
		// the four services with an outbox, each with a count
		this.wait.until((browser) -> browser.findElements(By.cssSelector("#outboxes td.rows")).size() == 4);
		assertThat(this.browser.findElements(By.cssSelector("#outboxes td.rows")))
			.allSatisfy((rows) -> assertThat(number(rows.getText())).isNotNegative());
		assertThat(this.browser.findElements(By.cssSelector("#outboxes tbody tr")))
			.extracting((row) -> row.getDomAttribute("id"))
			.containsExactlyInAnyOrder("outbox-order-command-service", "outbox-payment-service",
					"outbox-inventory-service", "outbox-saga-orchestrator");
		everyControlIsLabelled();
		screenshot("overview");
	}

	@Test
	void anOrderThatCompletedAndOneThatWasCompensatedShowTheirSagasAsTimelines() {
		String customer = customer("100.00");
		ShopClient.PlacedOrder completed = this.shop.placeOrder(customer, product(5), 1, "12.50", "DE");
		ShopClient.PlacedOrder compensated = this.shop.placeOrder(customer, product(1), 3, "12.50", "DE");
		JsonNode completedSaga = this.shop.awaitSagaState(completed.orderId(), "COMPLETED", SAGA_TIMEOUT);
		this.shop.awaitSagaState(compensated.orderId(), "REJECTED", SAGA_TIMEOUT);

		// by keyboard: the search field, then Enter
		this.browser.get(this.console + "/orders");
		everyControlIsLabelled();
		this.browser.findElement(By.id("q")).sendKeys(completed.orderId(), Keys.ENTER);

		this.wait.until(ExpectedConditions.textToBe(By.id("saga-state"), "COMPLETED"));
		assertThat(steps()).containsExactly("CHARGE_PAYMENT", "RESERVE_INVENTORY", "CREATE_SHIPMENT", "CONFIRM_ORDER");
		assertThat(this.browser.findElements(By.cssSelector("#timeline li.compensation"))).isEmpty();
		assertThat(this.browser.findElements(By.cssSelector("#events tbody tr td:nth-child(2)")))
			.extracting(WebElement::getText)
			.startsWith("OrderPlaced")
			.contains("OrderConfirmed");
		assertThat(this.browser.findElement(By.id("trace")).getDomAttribute("href"))
			.endsWith("/zipkin/traces/" + completedSaga.get("traceId").asString());
		screenshot("order-completed");

		this.browser.get(this.console + "/orders/" + compensated.orderId());
		this.wait.until(ExpectedConditions.textToBe(By.id("saga-state"), "REJECTED"));
		assertThat(steps()).containsExactly("CHARGE_PAYMENT", "RESERVE_INVENTORY", "REFUND_PAYMENT", "REJECT_ORDER");
		assertThat(this.browser.findElements(By.cssSelector("#timeline li.compensation strong")))
			.extracting(WebElement::getText)
			.containsExactly("REFUND_PAYMENT", "REJECT_ORDER");
		assertThat(this.browser.findElements(By.cssSelector("#timeline li.compensation .tag")))
			.extracting(WebElement::getText)
			.containsOnly("compensation");
		screenshot("order-compensated");

		this.wait.until((browser) -> this.shop.orderSummary(compensated.orderId()) != null);
		this.browser.get(this.console + "/orders");
		this.browser.findElement(By.id("q")).sendKeys(customer, Keys.ENTER);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(compensated.orderId())));
		assertThat(this.browser.findElements(By.linkText(completed.orderId()))).hasSize(1);
	}

	@Test
	void aSagaWhoseCompensationFailedIsRetriedFromTheConsoleAndEnds() {
		String customer = customer("10.00");
		String sku = product(5);
		ShopClient.PlacedOrder order;
		// the charge is declined once the payment service goes on; the rejection that
		// follows then finds the order command service gone, twice: COMPENSATION_FAILED
		this.system.pause(Service.PAYMENT);
		try {
			order = this.shop.placeOrder(customer, sku, 2, "12.50", "DE");
			this.shop.awaitSaga(order.orderId(), (saga) -> true, SAGA_TIMEOUT);
			this.system.stop(Service.ORDER_COMMAND);
		}
		finally {
			this.system.resume(Service.PAYMENT);
		}
		try {
			String sagaId = this.shop.awaitSagaState(order.orderId(), "COMPENSATION_FAILED", SAGA_TIMEOUT)
				.get("sagaId")
				.asString();

			this.browser.get(this.console + "/sagas");
			WebElement row = this.browser.findElement(By.cssSelector("#stuck #saga-" + sagaId));
			assertThat(row.findElement(By.className("state")).getText()).isEqualTo("COMPENSATION_FAILED");
			everyControlIsLabelled();
			screenshot("sagas");
			// by keyboard: the retry link, then the confirmation
			row.findElement(By.cssSelector("a.retry")).sendKeys(Keys.ENTER);
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-retry")));
			everyControlIsLabelled();
			this.browser.findElement(By.id("confirm-retry")).sendKeys(Keys.ENTER);

			this.wait.until(ExpectedConditions.textMatches(By.cssSelector(".message"),
					java.util.regex.Pattern.compile("Saga " + sagaId + " resumed: now COMPENSATING")));
		}
		finally {
			this.system.restart(Service.ORDER_COMMAND);
		}
		this.shop.awaitSagaState(order.orderId(), "REJECTED", SAGA_TIMEOUT);
		this.browser.get(this.console + "/orders/" + order.orderId());
		this.wait.until(ExpectedConditions.textToBe(By.id("saga-state"), "REJECTED"));
	}

	@Test
	void aDeadLetterWhoseCauseIsFixedIsRedrivenFromTheConsoleAndAppliedOnce() {
		String customer = customer("100.00");
		String sku = product(5);
		MongoCollection<Document> summaries = collection("order-summary");
		ShopClient.PlacedOrder order;
		this.system.pause(Service.PAYMENT);
		try {
			order = this.shop.placeOrder(customer, sku, 2, "12.50", "DE");
			Eventually.awaitTrue(WAIT, () -> summaries.find(Filters.eq("_id", order.orderId())).first() != null);
			// the query side's store now refuses every write of a payment field into this
			// summary: its charge will be dead-lettered
			summaries.updateOne(Filters.eq("_id", order.orderId()), Updates.set("payment", "corrupt"));
		}
		finally {
			this.system.resume(Service.PAYMENT);
		}
		this.shop.awaitSagaState(order.orderId(), "COMPLETED", SAGA_TIMEOUT);
		JsonNode letter = awaitDeadLetter(order.orderId());
		assertThat(letter.get("type").asString()).isEqualTo("PaymentCharged");
		assertThat(letter.get("cause").asString()).contains("order-summary could not apply it");

		// fixed as an operator would: the broken field removed
		summaries.updateOne(Filters.eq("_id", order.orderId()), Updates.unset("payment"));
		assertThat(this.shop.orderSummary(order.orderId()).path("payment").path("status").asString(""))
			.isNotEqualTo("CHARGED");
		this.browser.get(this.console + "/dead-letters");
		assertThat(this.browser.findElement(By.id("dead-letter-topics")).getText())
			.contains("order-query-service payments.events");
		this.browser.get(this.console + "/dead-letters/order-query-service/payments.events");
		WebElement article = this.browser.findElement(By.id("dead-letter-" + letter.get("id").asString()));
		assertThat(article.findElement(By.className("cause")).getText()).contains("order-summary could not apply it");
		everyControlIsLabelled();
		article.findElement(By.id("redrive-reason-" + letter.get("id").asString())).sendKeys("payment field repaired");
		screenshot("dead-letters");
		article.findElement(By.cssSelector("button.redrive")).click();

		this.wait.until(ExpectedConditions.textMatches(By.cssSelector(".message"),
				java.util.regex.Pattern.compile("Dead letter " + letter.get("id").asString() + " .* redriven")));
		Eventually.awaitTrue(WAIT, () -> "CHARGED"
			.equals(this.shop.orderSummary(order.orderId()).path("payment").path("status").asString("")));
		assertThat(this.shop.orderSummary(order.orderId()).get("payment").get("amount").decimalValue())
			.isEqualByComparingTo(order.total());
		JsonNode redriven = this.shop.read(Service.ORDER_QUERY,
				"/dead-letters/payments.events/" + letter.get("id").asString());
		assertThat(redriven.get("status").asString()).isEqualTo("REDRIVEN");
		assertThat(redriven.get("disposition").get("by").asString()).isEqualTo("olivia");
		assertThat(redriven.get("disposition").get("reason").asString()).isEqualTo("payment field repaired");
		// a second redrive of it is refused by the service, and the page offers none
		assertThat(this.shop.statusOf(Service.ORDER_QUERY, "POST",
				"/dead-letters/payments.events/" + letter.get("id").asString() + "/redrive", "{}"))
			.isEqualTo(409);
		this.browser.get(this.console + "/dead-letters/order-query-service/payments.events?status=ALL&after="
				+ previous(letter.get("id").asString()));
		assertThat(this.browser.findElement(By.id("dead-letter-" + letter.get("id").asString()))
			.findElements(By.cssSelector("button.redrive"))).isEmpty();
		assertThat(this.shop.orderSummary(order.orderId()).get("payment").get("amount").decimalValue())
			.isEqualByComparingTo(order.total());
	}

	@Test
	void aProjectionRebuildSwitchesWhileThePageKeepsAnswering() {
		this.browser.get(this.console + "/projections");
		WebElement row = this.browser.findElement(By.id("projection-revenue-report"));
		long generation = Long.parseLong(row.findElement(By.className("generation")).getText());
		everyControlIsLabelled();
		row.findElement(By.cssSelector("button.rebuild")).click();

		this.wait.until(ExpectedConditions.textMatches(By.cssSelector(".message"),
				java.util.regex.Pattern.compile("Rebuild of revenue-report started")));
		// the table refreshes itself every 2 s: it shows the switch without a reload, and
		// the page answers throughout
		new WebDriverWait(this.browser, Duration.ofSeconds(180)).until((browser) -> {
			WebElement current = browser.findElement(By.id("projection-revenue-report"));
			return current.findElement(By.className("state")).getText().equals("LIVE")
					&& Long.parseLong(current.findElement(By.className("generation")).getText()) == generation + 1;
		});
		screenshot("projections");
	}

	@Test
	void aPersonWithoutTheOperationsRoleMayNotUseTheConsole() {
		WebDriver other = chromium();
		try {
			signIn(other, "alice");
			new WebDriverWait(other, Duration.ofSeconds(30))
				.until(ExpectedConditions.textToBe(By.tagName("h1"), "This console is for operations"));
			other.get(this.console + "/sagas");
			assertThat(other.findElement(By.tagName("h1")).getText()).isEqualTo("This console is for operations");
			assertThat(other.getPageSource()).doesNotContain("Needs attention");

			// signing out ends the session at the issuer too: the next visit asks to sign
			// in
			other.findElement(By.cssSelector("form button[type=submit]")).click();
			new WebDriverWait(other, Duration.ofSeconds(30))
				.until(ExpectedConditions.textToBe(By.tagName("h1"), "Signed out"));
			other.get(this.console + "/sagas");
			new WebDriverWait(other, Duration.ofSeconds(30))
				.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		}
		finally {
			other.quit();
		}
	}

	private static WebDriver chromium() {
		Path binary = Path.of(System.getProperty("shop.chromium", "/usr/bin/chromium"));
		Path driver = Path.of(System.getProperty("shop.chromedriver", "/usr/bin/chromedriver"));
		if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
			throw new IllegalStateException("The console's browser tests drive Debian's chromium through its driver, "
					+ "which are not at " + binary + " and " + driver + ": apt-get install chromium chromium-driver "
					+ "(.ci/run does), or point -Dshop.chromium and -Dshop.chromedriver at a Chromium and its driver");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,1024");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Signs in at the issuer's form, where the console sends a browser without a session.
	 */
	private void signIn(WebDriver browser, String username) {
		browser.get(this.console + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("password");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until((current) -> current.getCurrentUrl().startsWith(this.console));
	}

	/**
	 * Every form control on the page has a label, and every button and link a name a
	 * screen reader can say.
	 */
	private void everyControlIsLabelled() {
		for (WebElement control : this.browser
			.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
			String id = control.getDomAttribute("id");
			boolean labelled = (id != null
					&& !this.browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty())
					|| control.getDomAttribute("aria-label") != null;
			assertThat(labelled)
				.as("a label for %s on %s", control.getDomProperty("outerHTML"), this.browser.getCurrentUrl())
				.isTrue();
		}
		for (WebElement control : this.browser.findElements(By.cssSelector("button, a[href]"))) {
			assertThat(
					!control.getDomProperty("textContent").isBlank() || control.getDomAttribute("aria-label") != null)
				.as("a name for %s on %s", control.getDomProperty("outerHTML"), this.browser.getCurrentUrl())
				.isTrue();
		}
	}

	private List<String> steps() {
		return this.browser.findElements(By.cssSelector("#timeline li strong"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private JsonNode awaitDeadLetter(String key) {
		JsonNode[] found = new JsonNode[1];
		Eventually.awaitTrue(WAIT, () -> {
			for (JsonNode letter : this.shop
				.read(Service.ORDER_QUERY, "/dead-letters/payments.events?size=100&status=PENDING")
				.get("deadLetters")) {
				if (key.equals(letter.get("key").asString())) {
					found[0] = letter;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	/** A position just before this dead letter, for a page that starts with it. */
	private static String previous(String id) {
		int partition = Integer.parseInt(id.split("-")[0]);
		long offset = Long.parseLong(id.split("-")[1]);
		if (offset > 0) {
			return partition + "-" + (offset - 1);
		}
		return (partition > 0) ? (partition - 1) + "-999999999999" : "";
	}

	private MongoCollection<Document> collection(String projection) {
		for (JsonNode status : this.shop.read(Service.ORDER_QUERY, "/projections")) {
			if (projection.equals(status.get("name").asString())) {
				return this.mongo.getDatabase(this.system.mongoDatabase())
					.getCollection(status.get("collection").asString());
			}
		}
		throw new IllegalStateException("No projection " + projection);
	}

	private String customer(String balance) {
		String customer = String.format("C-%06d", IDS.incrementAndGet());
		this.shop.openAccount(customer, balance);
		return customer;
	}

	private String product(int stock) {
		String sku = "OPS-" + IDS.incrementAndGet();
		this.shop.createProduct(sku, stock);
		return sku;
	}

	private void screenshot(String page) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long number(String text) {
		return text.matches("\\d+") ? Long.parseLong(text) : -1;
	}

}
