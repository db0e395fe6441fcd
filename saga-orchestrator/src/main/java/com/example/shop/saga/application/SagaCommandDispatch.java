package com.example.shop.saga.application;

import java.util.List;

import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.saga.domain.SagaCommand;

/**
 * Turns the saga's commands into the messages that carry them to their participants.
 */
public interface SagaCommandDispatch {

	List<OutboxMessage> messages(List<SagaCommand> commands, EventMetadata metadata);

}
