package com.example.shop.contracts;

/**
 * What the payments context publishes on {@link Topics#PAYMENTS_EVENTS}: the outcome of
 * each saga command.
 */
public sealed interface PaymentEvent extends Event permits PaymentCharged, PaymentFailed, PaymentRefunded {

}
