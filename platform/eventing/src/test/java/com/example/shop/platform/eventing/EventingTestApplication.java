package com.example.shop.platform.eventing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application that uses the eventing library: auto-configuration only, as in
 * a service. It does not scan its package, which holds the library's own configuration
 * classes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EventingTestApplication {

}
