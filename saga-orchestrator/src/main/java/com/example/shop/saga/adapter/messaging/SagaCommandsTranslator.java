package com.example.shop.saga.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.CancelOrder;
import com.example.shop.contracts.CancelShipment;
import com.example.shop.contracts.ChargePayment;
import com.example.shop.contracts.Command;
import com.example.shop.contracts.ConfirmOrder;
import com.example.shop.contracts.CreateShipment;
import com.example.shop.contracts.CustomerId;
import com.example.shop.contracts.Destination;
import com.example.shop.contracts.OrderId;
import com.example.shop.contracts.RefundPayment;
import com.example.shop.contracts.RejectOrder;
import com.example.shop.contracts.ReleaseInventory;
import com.example.shop.contracts.ReserveInventory;
import com.example.shop.contracts.Sku;
import com.example.shop.contracts.StockLine;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.saga.application.SagaCommandDispatch;
import com.example.shop.saga.domain.SagaCommand;

import org.springframework.stereotype.Component;

/**
 * Maps each saga command to its participant's contract; the codec puts it on that
 * participant's commands topic, keyed by order id so that a compensation always travels
 * behind the command it undoes.
 */
@Component
class SagaCommandsTranslator implements SagaCommandDispatch {

	private final MessageCodec codec;

	SagaCommandsTranslator(MessageCodec codec) {
		this.codec = codec;
	}

	@Override
	public List<OutboxMessage> messages(List<SagaCommand> commands, EventMetadata metadata) {
		return commands.stream().map((command) -> this.codec.encode(contract(command), metadata)).toList();
	}

	private static Command contract(SagaCommand command) {
		OrderId id = new OrderId(command.orderId().value());
		return switch (command) {
			case SagaCommand.ChargePayment charge ->
				new ChargePayment(id, new CustomerId(charge.customerId()), charge.amount(), charge.currency());
			case SagaCommand.RefundPayment refund -> new RefundPayment(id, new CustomerId(refund.customerId()));
			case SagaCommand.ReserveInventory reserve -> new ReserveInventory(id,
					reserve.lines()
						.stream()
						.map((line) -> new StockLine(new Sku(line.sku()), line.quantity()))
						.toList());
			case SagaCommand.ReleaseInventory release -> new ReleaseInventory(id);
			case SagaCommand.CreateShipment ship ->
				new CreateShipment(id, new Destination(ship.destination().name(), ship.destination().street(),
						ship.destination().city(), ship.destination().postalCode(), ship.destination().country()));
			case SagaCommand.CancelShipment cancel -> new CancelShipment(id);
			case SagaCommand.ConfirmOrder confirm -> new ConfirmOrder(id);
			case SagaCommand.RejectOrder reject -> new RejectOrder(id, reject.reason());
			case SagaCommand.CancelOrder cancel -> new CancelOrder(id);
		};
	}

}
