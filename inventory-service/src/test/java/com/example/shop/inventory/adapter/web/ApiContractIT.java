package com.example.shop.inventory.adapter.web;

import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.openapi.ApiContractTests;

/**
 * The REST contract of the running service: it serves the committed
 * {@code docs/api/inventory-service.json}, and every documented example answers a
 * documented status.
 */
@ServiceIntegrationTest
class ApiContractIT extends ApiContractTests {

}
