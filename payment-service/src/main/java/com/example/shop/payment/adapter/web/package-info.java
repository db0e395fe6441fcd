/**
 * The REST API of payment accounts: {@code POST /accounts}, {@code POST
 * /accounts/{customerId}/deposits}, {@code GET /accounts/{customerId}}, and RFC 9457
 * problem details for every error.
 */
package com.example.shop.payment.adapter.web;
