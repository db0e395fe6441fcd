package com.example.shop.order.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the order-command-service.
 */
@SpringBootApplication
public class OrderCommandApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderCommandApplication.class, args);
	}

}
