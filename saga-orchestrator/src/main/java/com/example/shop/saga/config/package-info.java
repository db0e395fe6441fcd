/**
 * Wiring: the saga's beans, its settings under {@code shop.saga}, the dead-letter topics
 * of what it consumes, and the schedules that expire deadlines and refresh the gauges.
 */
package com.example.shop.saga.config;
