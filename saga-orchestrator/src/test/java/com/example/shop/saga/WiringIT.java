package com.example.shop.saga;

import com.example.shop.platform.testsupport.wiring.KafkaWiring;
import com.example.shop.platform.testsupport.wiring.PostgresWiring;
import com.example.shop.platform.testsupport.wiring.WebWiring;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;

import org.springframework.test.annotation.DirtiesContext;

/**
 * The saga-orchestrator starts against real infrastructure and reaches every store it is
 * configured for. Its context is closed afterwards: left running, its saga listener would
 * share the consumer group with {@code OrderFulfillmentIT}'s and take some of its orders.
 */
@ServiceIntegrationTest
@DirtiesContext
class WiringIT implements PostgresWiring, KafkaWiring, WebWiring {

}
