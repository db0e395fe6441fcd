package com.example.shop.contracts;

/**
 * What the orders context accepts from the saga on {@link Topics#ORDERS_COMMANDS}.
 */
public sealed interface OrderCommand extends Command permits ConfirmOrder, RejectOrder, CancelOrder {

}
