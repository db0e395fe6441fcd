package com.example.shop.order.command;

import com.example.shop.platform.testsupport.wiring.KafkaWiring;
import com.example.shop.platform.testsupport.wiring.PostgresWiring;
import com.example.shop.platform.testsupport.wiring.WebWiring;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;

/**
 * The order-command-service starts against real infrastructure and reaches every store it
 * is configured for.
 */
@ServiceIntegrationTest
class WiringIT implements PostgresWiring, KafkaWiring, WebWiring {

}
