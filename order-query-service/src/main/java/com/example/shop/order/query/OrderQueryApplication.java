package com.example.shop.order.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the order-query-service.
 */
@SpringBootApplication
public class OrderQueryApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderQueryApplication.class, args);
	}

}
