package com.example.shop.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The operations console: a web application for operators over the services' REST APIs.
 * It has no database and no Kafka connection of its own, and no service depends on it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OpsConsoleApplication {

	public static void main(String[] args) {
		SpringApplication.run(OpsConsoleApplication.class, args);
	}

}
