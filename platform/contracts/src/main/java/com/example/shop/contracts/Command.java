package com.example.shop.contracts;

/**
 * A command of the fulfilment saga to one context, on that context's
 * {@code <context>.commands} topic. Every command is idempotent per order: a repeated
 * command is answered with the event of its first outcome again.
 */
public sealed interface Command extends Message permits OrderCommand, PaymentCommand, InventoryCommand {

}
