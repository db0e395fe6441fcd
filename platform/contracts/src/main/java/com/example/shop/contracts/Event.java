package com.example.shop.contracts;

/**
 * An integration event: what a context tells the others has happened. Each context
 * publishes its family on its own {@code <context>.events} topic.
 */
public sealed interface Event extends Message permits OrderEvent, PaymentEvent, InventoryEvent {

}
