/**
 * Wiring checks a service's integration test inherits by implementing the interfaces for
 * the stores it uses: each proves, against real infrastructure, that the service's own
 * configuration reaches the store.
 */
package com.example.shop.platform.testsupport.wiring;
