package com.example.shop.order.query;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static com.example.shop.order.query.OrderHistory.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipping manifest fed from inventory events on a real broker. Each test uses days
 * of its own, so that the other tests' shipments are not on them.
 */
@ServiceIntegrationTest
@Import(QueryTestDriver.Configuration.class)
class ShippingManifestIT {

	@Autowired
	QueryTestDriver driver;

	@Autowired
	JsonMapper json;

	@Test
	void listsTheShipmentsCreatedOnAUtcDayOnceEachWithTheCancelledOnesMarked() throws Exception {
		LocalDate day = LocalDate.of(2030, 1, 1).plusDays(new Random().nextInt(20_000));
		Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		OrderHistory morning = anOrder().at(start.plusSeconds(8 * 3600)).placed().charged().reserved().shipped();
		OrderHistory recalled = anOrder().at(start.plusSeconds(9 * 3600))
			.placed()
			.charged()
			.reserved()
			.shipped()
			.shipmentCancelled()
			.released();
		OrderHistory lastSecond = anOrder().at(start.plusSeconds(86_396)).placed().charged().reserved().shipped();
		OrderHistory nextDay = anOrder().at(start.plusSeconds(86_397)).placed().charged().reserved().shipped();
		OrderHistory neverShipped = anOrder().at(start.plusSeconds(10 * 3600))
			.placed()
			.cancellationRequested()
			.shipmentCancelledWithoutShipment();
		for (OrderHistory history : List.of(morning, recalled, lastSecond, nextDay, neverShipped)) {
			// every event twice
			history.otherEvents().forEach(driver::publish);
			history.otherEvents().forEach(driver::publish);
		}
		// the shipment reported again after it was called back
		driver.publish(recalled.otherEvents().get(2));

		String path = "/shipments?date=" + day;
		List<String> expected = List.of(morning.orderId() + " " + morning.trackingNumber() + " CREATED",
				recalled.orderId() + " " + recalled.trackingNumber() + " CANCELLED",
				lastSecond.orderId() + " " + lastSecond.trackingNumber() + " CREATED");
		// wait for the expected manifests; the assertions below show any difference
		QueryTestDriver.eventually(() -> rows(driver.get(path)).equals(expected)
				&& rows(driver.get("/shipments?date=" + day.plusDays(1))).size() == 1);
		// every duplicate has been consumed too: compare what it left
		driver.awaitAllConsumed();
		HttpResponse<String> response = driver.get(path);
		assertThat(rows(response)).isEqualTo(expected);

		JsonNode manifest = json.readTree(response.body());
		assertThat(manifest.get("date").asString()).isEqualTo(day.toString());
		assertThat(manifest.get("timeZone").asString()).isEqualTo("UTC");
		JsonNode first = manifest.get("shipments").get(0);
		assertThat(first.at("/destination/city").asString()).isEqualTo("London");
		assertThat(first.at("/destination/country").asString()).isEqualTo("GB");
		assertThat(first.get("lines").findValuesAsString("sku")).containsExactly("SKU-1", "SKU-2");
		assertThat(first.get("lines").findValues("quantity")).extracting(JsonNode::asInt).containsExactly(2, 1);
		assertThat(first.get("cancelledAt").isNull()).isTrue();
		assertThat(manifest.get("shipments").get(1).get("cancelledAt").asString()).isNotBlank();
		assertThat(rows(driver.get("/shipments?date=" + day.plusDays(1))))
			.containsExactly(nextDay.orderId() + " " + nextDay.trackingNumber() + " CREATED");
	}

	@Test
	void aMissingOrMalformedDateIs400WithTheParameterNamed() throws Exception {
		driver.assertBadParameters(
				Map.of("/shipments", "date", "/shipments?date=2026-02-30", "date", "/shipments?date=today", "date"));
	}

	private List<String> rows(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body())
			.get("shipments")
			.valueStream()
			.map((shipment) -> shipment.get("orderId").asString() + " " + shipment.get("trackingNumber").asString()
					+ " " + shipment.get("status").asString())
			.toList();
	}

}
