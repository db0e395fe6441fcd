/**
 * Runs the saga: each reply, passed deadline or operator retry is one transaction that
 * locks the saga's row, lets the saga decide, stores it and puts the commands it decided
 * on in the outbox. Also the ports the adapters implement and the saga metrics.
 */
package com.example.shop.saga.application;
