package com.example.shop.platform.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceSpecTest {

	@Test
	void theFirstInstanceIsWhatTheCommandLineSays() {
		ServiceSpec payment = ServiceSpec.parse("payment-service:8083:postgres=payment");

		assertThat(payment)
			.isEqualTo(new ServiceSpec("payment-service", 8083, ServiceSpec.Store.POSTGRES, "payment", 1));
		assertThat(payment.processName()).isEqualTo("payment-service");
		assertThat(payment.url()).isEqualTo("http://127.0.0.1:8083");
		assertThat(payment.managementPort()).isEqualTo(9083);
	}

	@Test
	void furtherInstancesShareTheDatabaseAndListenAHundredPortsApart() {
		ServiceSpec query = ServiceSpec.parse("order-query-service:8082:mongo=order_query");

		ServiceSpec second = query.instance(2);
		ServiceSpec third = query.instance(3);

		assertThat(second.port()).isEqualTo(8182);
		assertThat(second.managementPort()).as("apart from the first instance's too").isEqualTo(9182);
		assertThat(third.port()).isEqualTo(8282);
		assertThat(second.database()).isEqualTo("order_query");
		assertThat(second.processName()).isEqualTo("order-query-service-2");
		assertThat(second.jar()).isEqualTo(query.jar());
	}

	@Test
	void aMalformedSpecIsRefusedWithTheFormat() {
		assertThatExceptionOfType(LocalStackException.class)
			.isThrownBy(() -> ServiceSpec.parse("payment-service:port:postgres=payment"))
			.withMessageContaining("name:port:postgres=<database>");
	}

}
