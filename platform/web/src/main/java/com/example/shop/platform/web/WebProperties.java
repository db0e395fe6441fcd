package com.example.shop.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings every service shares.
 *
 * @param maxRequestBytes the largest request body accepted; larger ones are answered 413
 */
@ConfigurationProperties("shop.web")
public record WebProperties(@DefaultValue("64KB") DataSize maxRequestBytes) {

}
