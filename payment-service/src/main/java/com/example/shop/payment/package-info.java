/**
 * Customer payment accounts, event-sourced: charges and refunds for the fulfilment saga.
 */
package com.example.shop.payment;
