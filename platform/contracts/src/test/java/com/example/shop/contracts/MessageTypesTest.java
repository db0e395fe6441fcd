package com.example.shop.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageTypesTest {

	@Test
	void registersEveryRecordOfEveryFamilyOnce() {
		List<Class<?>> records = records(Message.class);
		assertThat(records).hasSize(23);
		assertThat(MessageTypes.all()).<Class<?>>extracting(MessageType::javaType)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(records);
	}

	@Test
	void givesEachRecordTheTopicOfItsFamily() {
		assertThat(MessageTypes.of(OrderPlaced.class).topic()).isEqualTo(Topics.ORDERS_EVENTS);
		assertThat(MessageTypes.of(RejectOrder.class).topic()).isEqualTo(Topics.ORDERS_COMMANDS);
		assertThat(MessageTypes.of(PaymentRefunded.class).topic()).isEqualTo(Topics.PAYMENTS_EVENTS);
		assertThat(MessageTypes.of(RefundPayment.class).topic()).isEqualTo(Topics.PAYMENTS_COMMANDS);
		assertThat(MessageTypes.of(ShipmentCancelled.class).topic()).isEqualTo(Topics.INVENTORY_EVENTS);
		assertThat(MessageTypes.of(CancelShipment.class).topic()).isEqualTo(Topics.INVENTORY_COMMANDS);
		for (MessageType type : MessageTypes.all()) {
			Class<?> family = Arrays.stream(type.javaType().getInterfaces()).findFirst().orElseThrow();
			assertThat(type.topic()).as(type.name()).isEqualTo(MessageTypes.topic(family.asSubclass(Message.class)));
		}
	}

	@Test
	void findsATypeOnlyByItsNameOnItsOwnTopic() {
		assertThat(MessageTypes.find(Topics.PAYMENTS_EVENTS, "PaymentCharged")).map(MessageType::javaType)
			.contains(PaymentCharged.class);
		assertThat(MessageTypes.find(Topics.ORDERS_EVENTS, "PaymentCharged")).isEmpty();
		assertThat(MessageTypes.find(Topics.PAYMENTS_EVENTS, "com.example.shop.contracts.PaymentCharged")).isEmpty();
		assertThat(MessageTypes.find(Topics.PAYMENTS_EVENTS, null)).isEmpty();
	}

	@Test
	void namesAreUniquePerTopicAndVersionsStartAtOne() {
		Set<String> keys = MessageTypes.all()
			.stream()
			.map((type) -> type.topic() + "/" + type.name())
			.collect(Collectors.toSet());
		assertThat(keys).hasSameSizeAs(MessageTypes.all());
		assertThat(MessageTypes.all()).allSatisfy((type) -> assertThat(type.version()).isPositive());
		assertThat(MessageTypes.of(OrderPlaced.class).dataSchema()).isEqualTo("urn:shop:message:OrderPlaced:v2");
	}

	@Test
	void refusesWhatIsNotRegistered() {
		assertThatIllegalArgumentException().isThrownBy(() -> MessageTypes.topic(Event.class));
		assertThatIllegalArgumentException().isThrownBy(() -> MessageTypes.topic(Message.class));
	}

	@Test
	void typedIdsTravelAsPlainStrings() {
		JsonMapper json = JsonMapper.builder().build();
		OrderPlaced placed = new OrderPlaced(new OrderId("0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b"),
				new CustomerId("C-000123"), List.of(new OrderLine(new Sku("SKU-00042"), 2, new BigDecimal("9.50"))),
				"EUR", new BigDecimal("19.00"), "Ada", new ShippingAddress("1 Main St", "Berlin", "10115", "DE"),
				Instant.parse("2026-12-02T10:00:00Z"));

		JsonNode tree = json.readTree(json.writeValueAsString(placed));

		assertThat(tree.path("orderId").isString()).isTrue();
		assertThat(tree.path("orderId").asString()).isEqualTo("0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b");
		assertThat(tree.path("customerId").asString()).isEqualTo("C-000123");
		assertThat(tree.path("lines").path(0).path("sku").asString()).isEqualTo("SKU-00042");
		assertThat(json.readValue(json.writeValueAsString(placed), OrderPlaced.class)).isEqualTo(placed);
	}

	private static List<Class<?>> records(Class<?> sealed) {
		List<Class<?>> records = new ArrayList<>();
		for (Class<?> permitted : sealed.getPermittedSubclasses()) {
			if (permitted.isRecord()) {
				records.add(permitted);
			}
			else {
				records.addAll(records(permitted));
			}
		}
		return records;
	}

}
