/**
 * Idempotent consumers: {@link com.example.shop.platform.eventing.inbox.Inbox} records
 * each processed message id in the transaction of its effect and acknowledges after
 * commit; records that keep failing, and records that can never succeed, go to
 * {@code <topic>-dlt}.
 */
package com.example.shop.platform.eventing.inbox;
