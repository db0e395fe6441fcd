/**
 * The payments context's integration events (on {@code payments.events}) and the commands
 * it accepts from the fulfilment saga (on {@code payments.commands}), all keyed by order
 * id. The wire type of each, the CloudEvents {@code ce_type}, is its simple name. Every
 * command is idempotent per order: a repeated command is answered with the event of its
 * first outcome again.
 */
package com.example.shop.contracts.payments;
