/**
 * Spring wiring of the command side: the Order repository and its event types, the use
 * cases, the topics this service owns, and its settings under {@code shop.orders}.
 */
package com.example.shop.order.command.config;
