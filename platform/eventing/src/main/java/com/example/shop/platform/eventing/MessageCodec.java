package com.example.shop.platform.eventing;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.example.shop.contracts.Command;
import com.example.shop.contracts.Message;
import com.example.shop.contracts.MessageType;
import com.example.shop.contracts.MessageTypes;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts the published language of {@code platform/contracts} on the wire and takes it off,
 * the same way in every service: the topic, the {@code ce_type} and the
 * {@code ce_dataschema} of a message come from {@link MessageTypes}, its key is its order
 * id and its payload is JSON. A consumer decodes a record once into its topic's sealed
 * family and switches over it; a payload written at an older schema version is upcast to
 * the version this service knows on the way in.
 */
public final class MessageCodec {

	private final JsonMapper json;

	/** The {@code ce_dataschema} of each type's current version, computed once. */
	private final Map<MessageType, String> currentSchemas = MessageTypes.all()
		.stream()
		.collect(Collectors.toUnmodifiableMap(Function.identity(), MessageType::dataSchema));

	public MessageCodec(JsonMapper json) {
		// an older version is read as a tree and upcast: amounts stay exact, scale
		// included
		this.json = json.rebuild()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.build();
	}

	/**
	 * The outbox row that publishes this message, with the correlation, causation and
	 * trace context of the change it announces.
	 */
	public OutboxMessage encode(Message message, EventMetadata metadata) {
		MessageType type = MessageTypes.of(message);
		return OutboxMessage
			.of(type.topic(), message.orderId().value(), type.name(), this.json.writeValueAsString(message), metadata)
			.withHeader(CloudEventHeaders.DATA_SCHEMA, this.currentSchemas.get(type));
	}

	/**
	 * The message a record carries, as a member of the family its consumer takes.
	 * @throws InvalidMessageException if the record has no type, a type its topic does
	 * not carry in this family, no payload, malformed JSON or no order id: it can never
	 * be applied
	 */
	public <M extends Message> M decode(ConsumerRecord<String, byte[]> record, Class<M> family) {
		String kind = Command.class.isAssignableFrom(family) ? "command" : "event";
		return decodeIfKnown(record, family).orElseThrow(() -> new InvalidMessageException("Unknown " + kind + " type "
				+ CloudEventHeaders.get(record, CloudEventHeaders.TYPE) + " on " + record.topic()));
	}

	/**
	 * The message a record carries, or nothing when its type is not one of the family: a
	 * consumer that acts on only some messages of a topic skips the others, as readers of
	 * a published language must.
	 * @throws InvalidMessageException if the record has no type, or it has a known type
	 * but no payload, malformed JSON or no order id
	 */
	public <M extends Message> Optional<M> decodeIfKnown(ConsumerRecord<String, byte[]> record, Class<M> family) {
		String name = CloudEventHeaders.get(record, CloudEventHeaders.TYPE);
		if (name == null) {
			throw new InvalidMessageException("Record without a " + CloudEventHeaders.TYPE + " header");
		}
		Optional<MessageType> type = MessageTypes.find(record.topic(), name)
			.filter((candidate) -> family.isAssignableFrom(candidate.javaType()));
		if (type.isEmpty()) {
			return Optional.empty();
		}
		if (record.value() == null) {
			throw new InvalidMessageException(name + " has no payload");
		}
		Message message;
		try {
			message = read(type.get(), CloudEventHeaders.get(record, CloudEventHeaders.DATA_SCHEMA), record.value());
		}
		catch (JacksonException ex) {
			throw new InvalidMessageException(name + " is not valid JSON of its type: " + ex.getOriginalMessage(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidMessageException(ex.getMessage(), ex);
		}
		if (message == null || message.orderId() == null || message.orderId().value() == null
				|| message.orderId().value().isBlank()) {
			throw new InvalidMessageException(name + " without an orderId");
		}
		return Optional.of(family.cast(message));
	}

	/**
	 * Reads a payload at the version its {@code ce_dataschema} names, upcast to the
	 * version this service was built with; a record without one is version 1.
	 */
	private Message read(MessageType type, String dataSchema, byte[] payload) {
		if ((dataSchema != null) ? dataSchema.equals(this.currentSchemas.get(type)) : type.version() == 1) {
			return this.json.readValue(payload, type.javaType());
		}
		int version = type.versionOf(dataSchema);
		if (!(this.json.readTree(payload) instanceof ObjectNode old)) {
			throw new InvalidMessageException(type.name() + " is not a JSON object");
		}
		return this.json.treeToValue(type.upcast(version, old), type.javaType());
	}

}
