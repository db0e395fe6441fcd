package com.example.shop.order.query.projection;

import com.example.shop.contracts.Event;

/**
 * A contract event as the projections receive it.
 *
 * @param orderId the order it is about, never blank
 * @param event the record of {@code platform/contracts}
 * @param version the order stream version for an orders event; {@code null} for payments
 * and inventory events, which carry none
 */
public record ReceivedEvent(String orderId, Event event, Long version) {

}
