package com.example.shop.identity;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * What the issuer signs with, for whom, and who may sign in.
 *
 * @param signingKey the RSA private key (PKCS#8 PEM) that signs every token; its public
 * half is published at {@code /oauth2/jwks}. Required: the issuer never makes one up, so
 * that every instance signs with the same key and a restart does not invalidate the
 * tokens in flight
 * @param audience the {@code aud} of every access token: the API that the services
 * together form, which each of them checks
 * @param users who may sign in with a password
 */
@ConfigurationProperties("shop.identity")
@Validated
public record IdentityProperties(@NotNull Resource signingKey, @NotBlank String audience,
		@NotEmpty List<@Valid User> users) {

	/**
	 * One person who may sign in.
	 *
	 * @param username the name they sign in with, the {@code sub} of their tokens
	 * @param password the password in Spring Security's storage format, for example
	 * {@code {bcrypt}$2a$10$...}
	 * @param roles what they do: {@code customer}, {@code operations}, {@code finance},
	 * {@code warehouse}; the {@code roles} claim of their tokens
	 * @param customerId for a customer, the id their data is kept under: the
	 * {@code customer_id} claim, which the services take instead of any id in a path or
	 * body
	 */
	public record User(@NotBlank String username, @NotBlank String password, @NotEmpty List<@NotBlank String> roles,
			@Nullable @Pattern(regexp = "C-\\d{6}") String customerId) {

	}

}
