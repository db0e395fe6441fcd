/**
 * The payment use cases: {@link AccountCommands} opens accounts and takes deposits (from
 * REST) and charges and refunds orders (from the saga), each in one transaction with its
 * events and, for the saga, its reply in the outbox; {@link AccountQueries} reads an
 * account.
 */
package com.example.shop.payment.application;
