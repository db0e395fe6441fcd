/**
 * The command side of orders: the event-sourced Order aggregate behind a REST API.
 */
package com.example.shop.order.command;
