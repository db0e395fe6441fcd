/**
 * The Order aggregate, event-sourced: its invariants, its sealed {@link OrderEvent}
 * family and its value objects. Plain Java, no framework: decisions return events,
 * {@link Order#apply} changes state.
 */
package com.example.shop.order.command.domain;
