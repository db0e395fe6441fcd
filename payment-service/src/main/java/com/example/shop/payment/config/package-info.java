/**
 * Spring wiring of the payment-service: the Account repository and its event types, the
 * use cases, the topics this service owns, and its settings under {@code shop.payments}.
 */
package com.example.shop.payment.config;
