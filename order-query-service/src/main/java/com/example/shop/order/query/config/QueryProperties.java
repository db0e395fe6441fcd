package com.example.shop.order.query.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the query side, under {@code shop.query}.
 *
 * @param readYourWritesTimeout how long a read with {@code minVersion} waits for the view
 * to catch up
 */
@ConfigurationProperties("shop.query")
public record QueryProperties(@DefaultValue("2s") Duration readYourWritesTimeout) {

}
