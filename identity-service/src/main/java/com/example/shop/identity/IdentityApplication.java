package com.example.shop.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The OAuth2 and OpenID Connect issuer that the system ships for running locally, in
 * docker-compose and in Kubernetes. The services trust any issuer by configuration; this
 * one is there so that the whole system runs with real signed tokens out of the box (see
 * docs/adr/0008-identity-provider.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityApplication.class, args);
	}

}
