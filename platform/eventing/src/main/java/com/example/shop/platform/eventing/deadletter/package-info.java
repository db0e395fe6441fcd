/**
 * Dead letters as operators see them: the records of this service's {@code <topic>-dlt}
 * topics, listed per topic with their cause
 * ({@link com.example.shop.platform.eventing.deadletter.DeadLetters}), redriven to the
 * topic they came from once the cause is fixed, or discarded with a reason. Each decision
 * is recorded once (who, when, why) in the service's own database
 * ({@link com.example.shop.platform.eventing.deadletter.Dispositions}) and counted; a
 * redriven record keeps its message id, so a consumer that did apply it skips it.
 */
package com.example.shop.platform.eventing.deadletter;
