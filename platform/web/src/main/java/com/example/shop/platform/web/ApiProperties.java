package com.example.shop.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says about itself.
 *
 * @param title e.g. {@code Orders API}
 * @param description one paragraph: what the API is for and how its answers behave
 * @param version the API's version, {@code MAJOR.MINOR.PATCH}; a change that breaks a
 * client of the committed document raises MAJOR
 */
@ConfigurationProperties("shop.api")
public record ApiProperties(String title, String description, String version) {

}
