/**
 * The order fulfilment saga: a persistent state machine that sends commands and
 * compensates failed steps.
 */
package com.example.shop.saga;
