package com.example.shop.order.query;

import com.example.shop.platform.testsupport.wiring.KafkaWiring;
import com.example.shop.platform.testsupport.wiring.MongoWiring;
import com.example.shop.platform.testsupport.wiring.WebWiring;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;

/**
 * The order-query-service starts against real infrastructure and reaches every store it
 * is configured for.
 */
@ServiceIntegrationTest
class WiringIT implements MongoWiring, KafkaWiring, WebWiring {

}
