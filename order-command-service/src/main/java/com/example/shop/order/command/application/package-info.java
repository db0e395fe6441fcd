/**
 * The order use cases: {@link OrderCommands} runs each command (from REST or from the
 * saga) in one transaction: load the Order, let it decide, save its events with the
 * integration events that announce them.
 */
package com.example.shop.order.command.application;
