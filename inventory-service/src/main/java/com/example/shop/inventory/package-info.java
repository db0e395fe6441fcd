/**
 * Stock per SKU, event-sourced: reservations and shipments for the fulfilment saga.
 */
package com.example.shop.inventory;
