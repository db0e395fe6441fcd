package com.example.shop.saga.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.inventory.CancelShipment;
import com.example.shop.contracts.inventory.CreateShipment;
import com.example.shop.contracts.inventory.Destination;
import com.example.shop.contracts.inventory.ReleaseInventory;
import com.example.shop.contracts.inventory.ReserveInventory;
import com.example.shop.contracts.inventory.StockLine;
import com.example.shop.contracts.orders.CancelOrder;
import com.example.shop.contracts.orders.ConfirmOrder;
import com.example.shop.contracts.orders.RejectOrder;
import com.example.shop.contracts.payments.ChargePayment;
import com.example.shop.contracts.payments.RefundPayment;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.saga.application.SagaCommandDispatch;
import com.example.shop.saga.domain.SagaCommand;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Maps each saga command to its participant's contract and topic, keyed by order id so
 * that a compensation always travels behind the command it undoes.
 */
@Component
class SagaCommandsTranslator implements SagaCommandDispatch {

	private final JsonMapper json;

	SagaCommandsTranslator(JsonMapper json) {
		this.json = json;
	}

	@Override
	public List<OutboxMessage> messages(List<SagaCommand> commands, EventMetadata metadata) {
		return commands.stream().map((command) -> message(command, metadata)).toList();
	}

	private OutboxMessage message(SagaCommand command, EventMetadata metadata) {
		String id = command.orderId();
		Object contract = switch (command) {
			case SagaCommand.ChargePayment charge ->
				new ChargePayment(id, charge.customerId(), charge.amount(), charge.currency());
			case SagaCommand.RefundPayment refund -> new RefundPayment(id, refund.customerId());
			case SagaCommand.ReserveInventory reserve -> new ReserveInventory(id,
					reserve.lines().stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList());
			case SagaCommand.ReleaseInventory release -> new ReleaseInventory(id);
			case SagaCommand.CreateShipment ship ->
				new CreateShipment(id, new Destination(ship.destination().name(), ship.destination().street(),
						ship.destination().city(), ship.destination().postalCode(), ship.destination().country()));
			case SagaCommand.CancelShipment cancel -> new CancelShipment(id);
			case SagaCommand.ConfirmOrder confirm -> new ConfirmOrder(id);
			case SagaCommand.RejectOrder reject -> new RejectOrder(id, reject.reason());
			case SagaCommand.CancelOrder cancel -> new CancelOrder(id);
		};
		String topic = switch (command) {
			case SagaCommand.ChargePayment c -> Topics.PAYMENTS_COMMANDS;
			case SagaCommand.RefundPayment c -> Topics.PAYMENTS_COMMANDS;
			case SagaCommand.ConfirmOrder c -> Topics.ORDERS_COMMANDS;
			case SagaCommand.RejectOrder c -> Topics.ORDERS_COMMANDS;
			case SagaCommand.CancelOrder c -> Topics.ORDERS_COMMANDS;
			case SagaCommand.ReserveInventory c -> Topics.INVENTORY_COMMANDS;
			case SagaCommand.ReleaseInventory c -> Topics.INVENTORY_COMMANDS;
			case SagaCommand.CreateShipment c -> Topics.INVENTORY_COMMANDS;
			case SagaCommand.CancelShipment c -> Topics.INVENTORY_COMMANDS;
		};
		return OutboxMessage.of(topic, id, contract.getClass().getSimpleName(), this.json.writeValueAsString(contract),
				metadata);
	}

}
