package com.example.shop.platform.eventing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@link GroupCommit}, under {@code shop.eventing.group-commit}.
 *
 * @param maxBatch how many concurrent commands share one transaction at most
 */
@ConfigurationProperties("shop.eventing.group-commit")
public record GroupCommitProperties(@DefaultValue("64") int maxBatch) {

}
