package com.example.shop.contracts;

/**
 * What the payments context accepts from the saga on {@link Topics#PAYMENTS_COMMANDS}.
 */
public sealed interface PaymentCommand extends Command permits ChargePayment, RefundPayment {

}
