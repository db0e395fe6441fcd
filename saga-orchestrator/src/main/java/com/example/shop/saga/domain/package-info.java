/**
 * The order fulfilment saga as a state machine of plain Java: given its state and a
 * participant's reply (or a passed deadline), it decides its next state and the commands
 * to send. No framework, no I/O; the application layer persists it and sends what it
 * decides.
 */
package com.example.shop.saga.domain;
