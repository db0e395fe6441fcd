/**
 * What drives and checks the whole system from outside: a REST client for the five
 * services, the invariant checker that reads every service's store, and the demo that
 * {@code ./stack demo} runs against a running stack.
 */
package com.example.shop.systemtests;
