/**
 * The Account aggregate, event-sourced: a customer's balance, the charges and refunds of
 * orders, their rules, and the sealed {@link AccountEvent} family. Plain Java, no
 * framework: decisions return events (saga commands return a {@link Decision} with the
 * outcome to answer), {@link Account#apply} changes state.
 */
package com.example.shop.payment.domain;
