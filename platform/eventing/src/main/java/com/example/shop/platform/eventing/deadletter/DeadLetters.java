package com.example.shop.platform.eventing.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Action;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Disposition;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Status;
import com.example.shop.platform.eventing.deadletter.Dispositions.Position;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The dead letters of the topics this service consumes, read straight from their
 * {@code <topic>-dlt} topics: only the records this service's consumer groups put there
 * (another service consuming the same topic has its own).
 * <ul>
 * <li>{@link #page}: a topic's dead letters in partition and offset order, with what
 * became of each; a page names the position the next starts after, none for the last
 * page.</li>
 * <li>{@link #redrive}: sends a dead letter back to its topic with its key, payload and
 * headers (the message id among them), so a consumer that did apply it skips it. It goes
 * to the end of its partition: records of its key that came after it were applied before
 * it, as they were while it lay dead-lettered. Every consumer group of the topic gets it
 * again and skips it by its message id while its inbox remembers that id (14 days). The
 * decision is claimed first ({@link Dispositions#claim}), so of two redrives of one
 * record one is refused (409); it is completed once the broker has the record, and
 * withdrawn if it could not be sent. A redriven record that fails again is dead-lettered
 * again, as a new dead letter whose {@code redrives} say so: it goes back only when
 * someone sends it.</li>
 * <li>{@link #discard}: leaves it for good, with a reason.</li>
 * </ul>
 * Each decision is logged, recorded with who made it, when and why, and counted in
 * {@code dead.letters.decisions} (tags {@code topic}, {@code action}). A decision is kept
 * as long as its record: each walk of a dead-letter topic from its start (a listing, or a
 * first page) forgets the decisions about the records its retention has deleted
 * ({@link Dispositions#forgetBefore}); the pages after it do not.
 */
public class DeadLetters implements AutoCloseable {

	/**
	 * Header of a dead letter: how often it was delivered before it was dead-lettered.
	 */
	public static final String ATTEMPTS = "shop_attempts";

	/** Header of a redriven record: how often it has been redriven. */
	public static final String REDRIVES = "shop_redrives";

	/**
	 * The longest a redrive may stay claimed without completing before another may take
	 * it over.
	 */
	static final Duration TAKE_OVER_AFTER = Duration.ofMinutes(1);

	private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

	private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";

	private static final Pattern ID = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	private final Map<String, Object> consumerConfig;

	private final Map<String, Object> producerConfig;

	private final Supplier<Map<String, Set<String>>> consumed;

	private final Dispositions dispositions;

	private final MeterRegistry meters;

	private @Nullable Producer<byte[], byte[]> producer;

	private final ReentrantLock reading = new ReentrantLock();

	private @Nullable Consumer<byte[], byte[]> consumer;

	/**
	 * @param kafkaConsumer the service's consumer configuration (its group is not used)
	 * @param kafkaProducer the service's producer configuration
	 * @param consumed the topics this service consumes, each with its consumer groups
	 * @param dispositions where decisions are recorded
	 * @param meters where they are counted
	 */
	public DeadLetters(Map<String, Object> kafkaConsumer, Map<String, Object> kafkaProducer,
			Supplier<Map<String, Set<String>>> consumed, Dispositions dispositions, MeterRegistry meters) {
		this.consumerConfig = new HashMap<>(kafkaConsumer);
		this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		this.consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
		this.consumerConfig.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
		this.producerConfig = new HashMap<>(kafkaProducer);
		this.producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		this.producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
		this.producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
		this.producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis() * 2);
		this.producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		// the service's client id, told apart from its listeners' and relay's
		suffixClientId(this.consumerConfig, ConsumerConfig.CLIENT_ID_CONFIG, "-dead-letter-reader");
		suffixClientId(this.producerConfig, ProducerConfig.CLIENT_ID_CONFIG, "-dead-letter-redrive");
		this.consumed = consumed;
		this.dispositions = dispositions;
		this.meters = meters;
	}

	/**
	 * Each topic a listener of this service consumes, with the consumer groups that
	 * consume it.
	 */
	public static Map<String, Set<String>> consumedTopics(KafkaListenerEndpointRegistry listeners) {
		Map<String, Set<String>> topics = new TreeMap<>();
		for (MessageListenerContainer container : listeners.getListenerContainers()) {
			String[] names = container.getContainerProperties().getTopics();
			String group = container.getGroupId();
			if (names != null && group != null) {
				for (String topic : names) {
					topics.computeIfAbsent(topic, (key) -> new TreeSet<>()).add(group);
				}
			}
		}
		return topics;
	}

	private static void suffixClientId(Map<String, Object> config, String key, String suffix) {
		Object clientId = config.get(key);
		if (clientId != null && !clientId.toString().isBlank()) {
			config.put(key, clientId + suffix);
		}
	}

	/**
	 * How many dead letters of one topic this service has, and how many of them wait for
	 * a decision.
	 */
	public record DeadLetterTopic(String topic, String deadLetterTopic, long pending, long total) {

	}

	/**
	 * One page of a topic's dead letters.
	 *
	 * @param next where the next page starts (after this id); none after the last page
	 */
	public record DeadLetterPage(String topic, List<DeadLetter> deadLetters, @Nullable String next) {

	}

	/**
	 * What became of one dead letter of a selection sent back.
	 *
	 * @param status its HTTP status had it been redriven alone: 200, 404, 409 or 503
	 * @param detail why not, when it was not
	 */
	public record RedriveOutcome(String id, int status, @Nullable String detail) {

	}

	/**
	 * The topics this service consumes, in name order, with their dead letters counted.
	 */
	public List<DeadLetterTopic> topics() {
		return this.consumed.get().keySet().stream().sorted().map((topic) -> {
			long[] pendingAndTotal = new long[2];
			scan(topic, null, (letters) -> {
				pendingAndTotal[1] += letters.size();
				pendingAndTotal[0] += letters.stream().filter((letter) -> letter.status() == Status.PENDING).count();
				return true;
			});
			return new DeadLetterTopic(topic, Topics.deadLetter(topic), pendingAndTotal[0], pendingAndTotal[1]);
		}).toList();
	}

	/**
	 * The dead letters of a topic after the one with id {@code after} (from the first
	 * without), those in {@code status} only if it is given, at most {@code size}.
	 */
	public DeadLetterPage page(String topic, @Nullable String after, @Nullable Status status, int size) {
		Position from = (after != null) ? position(topic, after) : null;
		List<DeadLetter> found = new ArrayList<>();
		String[] next = new String[1];
		scan(topic, from, (letters) -> {
			for (DeadLetter letter : letters) {
				if (status == null || letter.status() == status) {
					if (found.size() == size) {
						// one more there: the next page starts after the last of this one
						next[0] = found.get(size - 1).id();
						return false;
					}
					found.add(letter);
				}
			}
			return true;
		});
		return new DeadLetterPage(topic, found, next[0]);
	}

	/** One dead letter of a topic, by its id. */
	public DeadLetter get(String topic, String id) {
		return find(topic, id).letter();
	}

	/**
	 * Sends the dead letter back to its topic.
	 * @param by who asks: the subject of their token
	 * @param reason why, if they said
	 * @return the dead letter, now redriven
	 */
	public DeadLetter redrive(String topic, String id, String by, @Nullable String reason) {
		Found found = find(topic, id);
		Position position = position(topic, id);
		// to the millisecond, as both stores keep it, so that the claim is found again
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Disposition claim = new Disposition(Action.REDRIVE, by, now, reason, false);
		if (!this.dispositions.claim(position, claim, now.minus(TAKE_OVER_AFTER))) {
			throw alreadyDecided(topic, id);
		}
		try {
			producer().send(redriven(topic, found.record())).get(KAFKA_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.dispositions.release(position, claim);
			throw DeadLetterProblem.unavailable("Interrupted while sending the dead letter back; try again", ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			this.dispositions.release(position, claim);
			throw DeadLetterProblem.unavailable("Kafka did not take the record back; try again shortly", ex);
		}
		if (!this.dispositions.complete(position, claim)) {
			// this instance was slower than TAKE_OVER_AFTER and another took the claim
			// over:
			// both sent the record, and its message id makes the second a duplicate
			logger.warn("Dead letter {} of {} was redriven here after another instance took the redrive over", id,
					topic);
		}
		decisions(this.meters, topic, Action.REDRIVE).increment();
		logger.info("Dead letter {} of {} (message {}) redriven by {}: {}", id, topic, found.letter().messageId(), by,
				reason);
		return found.letter().decided(new Disposition(Action.REDRIVE, by, now, reason, true));
	}

	/**
	 * Sends each dead letter of a selection back to its topic, one after the other; one
	 * that cannot be does not stop the others.
	 */
	public List<RedriveOutcome> redrive(String topic, List<String> ids, String by, @Nullable String reason) {
		groups(topic);
		ids.forEach((id) -> position(topic, id));
		return ids.stream().distinct().map((id) -> {
			try {
				redrive(topic, id, by, reason);
				return new RedriveOutcome(id, 200, null);
			}
			catch (DeadLetterProblem ex) {
				return new RedriveOutcome(id, ex.getStatusCode().value(), ex.getBody().getDetail());
			}
		}).toList();
	}

	/**
	 * Leaves the dead letter for good.
	 * @param by who asks: the subject of their token
	 * @param reason why: required
	 * @return the dead letter, now discarded
	 */
	public DeadLetter discard(String topic, String id, String by, String reason) {
		if (reason.isBlank()) {
			throw DeadLetterProblem.invalid("A discard needs a reason");
		}
		Found found = find(topic, id);
		Disposition discarded = new Disposition(Action.DISCARD, by, Instant.now().truncatedTo(ChronoUnit.MILLIS),
				reason, true);
		// never over a redrive, not even one that looks abandoned: it may have been sent
		if (!this.dispositions.claim(position(topic, id), discarded, null)) {
			throw alreadyDecided(topic, id);
		}
		decisions(this.meters, topic, Action.DISCARD).increment();
		logger.info("Dead letter {} of {} (message {}) discarded by {}: {}", id, topic, found.letter().messageId(), by,
				reason);
		return found.letter().decided(discarded);
	}

	/**
	 * The counter of decisions about a topic's dead letters; registered at start for
	 * every consumed topic, so that {@code increase()} sees the first.
	 */
	public static Counter decisions(MeterRegistry meters, String topic, Action action) {
		return Counter.builder("dead.letters.decisions")
			.description("Dead letters redriven or discarded by an operator, by the topic they came from")
			.tag("topic", topic)
			.tag("action", action.name().toLowerCase(java.util.Locale.ROOT))
			.register(meters);
	}

	@Override
	public synchronized void close() {
		this.reading.lock();
		try {
			closeConsumer();
		}
		finally {
			this.reading.unlock();
		}
		if (this.producer != null) {
			this.producer.close(Duration.ofSeconds(5));
			this.producer = null;
		}
	}

	private record Found(ConsumerRecord<byte[], byte[]> record, DeadLetter letter) {

	}

	private Found find(String topic, String id) {
		Set<String> groups = groups(topic);
		Position position = position(topic, id);
		return read((consumer) -> {
			TopicPartition partition = new TopicPartition(position.deadLetterTopic(), position.partition());
			if (!partitions(consumer, position.deadLetterTopic()).contains(partition)) {
				throw notFound(topic, id);
			}
			consumer.assign(List.of(partition));
			consumer.pause(List.of(partition));
			if (position.offset() < consumer.beginningOffsets(List.of(partition)).get(partition)
					|| position.offset() >= consumer.endOffsets(List.of(partition)).get(partition)) {
				throw notFound(topic, id);
			}
			consumer.seek(partition, position.offset());
			consumer.resume(List.of(partition));
			Instant deadline = Instant.now().plus(KAFKA_TIMEOUT);
			while (Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)).records(partition)) {
					if (record.offset() != position.offset() || !isOurs(record, groups)) {
						throw notFound(topic, id);
					}
					Disposition decided = this.dispositions
						.find(position.deadLetterTopic(), position.partition(), List.of(position.offset()))
						.get(position.offset());
					return new Found(record, letter(topic, record, decided));
				}
			}
			throw DeadLetterProblem.unavailable("Kafka did not answer in time; try again shortly", null);
		});
	}

	/**
	 * Reads the topic's dead letters from just after {@code from} (from the first
	 * without), handing them to {@code visitor} a poll at a time until it answers false
	 * or the records there were when it started are read.
	 */
	private void scan(String topic, @Nullable Position from, Predicate<List<DeadLetter>> visitor) {
		Set<String> groups = groups(topic);
		String deadLetterTopic = Topics.deadLetter(topic);
		read((consumer) -> {
			List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
			// one partition at a time, in order: all assigned once (before their offsets
			// are asked for), all but one paused
			consumer.assign(partitions);
			consumer.pause(partitions);
			Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			if (from == null) {
				// a walk from the start: what the retention has deleted is never asked
				// about again, so neither are the decisions about it
				begin.forEach((partition, first) -> this.dispositions.forgetBefore(deadLetterTopic,
						partition.partition(), first));
			}
			for (TopicPartition partition : partitions) {
				if (from != null && partition.partition() < from.partition()) {
					continue;
				}
				long start = begin.get(partition);
				if (from != null && partition.partition() == from.partition()) {
					start = Math.max(start, from.offset() + 1);
				}
				long stop = end.get(partition);
				if (start >= stop) {
					continue;
				}
				consumer.seek(partition, start);
				consumer.resume(List.of(partition));
				Instant deadline = Instant.now().plus(KAFKA_TIMEOUT);
				while (consumer.position(partition) < stop) {
					List<ConsumerRecord<byte[], byte[]>> records = consumer.poll(Duration.ofMillis(200))
						.records(partition)
						.stream()
						.filter((record) -> record.offset() < stop)
						.toList();
					if (records.isEmpty()) {
						if (Instant.now().isAfter(deadline)) {
							throw DeadLetterProblem.unavailable("Kafka did not answer in time; try again shortly",
									null);
						}
						continue;
					}
					deadline = Instant.now().plus(KAFKA_TIMEOUT);
					if (!visitor.test(letters(topic, partition.partition(), records, groups))) {
						return null;
					}
				}
				consumer.pause(List.of(partition));
			}
			return null;
		});
	}

	private List<DeadLetter> letters(String topic, int partition, List<ConsumerRecord<byte[], byte[]>> records,
			Set<String> groups) {
		List<ConsumerRecord<byte[], byte[]>> ours = records.stream()
			.filter((record) -> isOurs(record, groups))
			.toList();
		Map<Long, Disposition> decided = this.dispositions.find(Topics.deadLetter(topic), partition,
				ours.stream().map(ConsumerRecord::offset).toList());
		return ours.stream().map((record) -> letter(topic, record, decided.get(record.offset()))).toList();
	}

	/**
	 * Runs {@code work} with the one consumer that reads dead letters, made on first use
	 * and kept: requests take turns with it (a consumer is not thread-safe, and
	 * operators' reads are few). It joins no group and commits nothing; a Kafka failure
	 * closes it, and the next request makes another.
	 */
	private <T> T read(Function<Consumer<byte[], byte[]>, T> work) {
		try {
			if (!this.reading.tryLock(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw DeadLetterProblem.unavailable("Busy reading other dead letters; try again shortly", null);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DeadLetterProblem.unavailable("Interrupted; try again", ex);
		}
		try {
			if (this.consumer == null) {
				this.consumer = new KafkaConsumer<>(this.consumerConfig, new ByteArrayDeserializer(),
						new ByteArrayDeserializer());
			}
			T result = work.apply(this.consumer);
			this.consumer.pause(this.consumer.assignment());
			return result;
		}
		catch (KafkaException ex) {
			closeConsumer();
			throw DeadLetterProblem.unavailable("Kafka did not answer in time; try again shortly", ex);
		}
		catch (RuntimeException ex) {
			if (this.consumer != null) {
				this.consumer.pause(this.consumer.assignment());
			}
			throw ex;
		}
		finally {
			this.reading.unlock();
		}
	}

	private void closeConsumer() {
		if (this.consumer != null) {
			try {
				this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
			}
			catch (KafkaException ex) {
				logger.debug("Closing the dead-letter reader failed", ex);
			}
			this.consumer = null;
		}
	}

	private static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
		return consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.sorted(Comparator.comparingInt(TopicPartition::partition))
			.toList();
	}

	private synchronized Producer<byte[], byte[]> producer() {
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(this.producerConfig, new ByteArraySerializer(),
					new ByteArraySerializer());
		}
		return this.producer;
	}

	/** The consumer groups of this service that consume the topic. */
	private Set<String> groups(String topic) {
		Set<String> groups = this.consumed.get().get(topic);
		if (groups == null) {
			throw DeadLetterProblem.notFound("This service consumes no topic of that name");
		}
		return groups;
	}

	private static Position position(String topic, @Nullable String id) {
		var matcher = ID.matcher((id != null) ? id : "");
		if (!matcher.matches()) {
			throw DeadLetterProblem.invalid("A dead letter's id is <partition>-<offset>, such as 0-42");
		}
		return new Position(Topics.deadLetter(topic), Integer.parseInt(matcher.group(1)),
				Long.parseLong(matcher.group(2)));
	}

	private static boolean isOurs(ConsumerRecord<byte[], byte[]> record, Set<String> groups) {
		String group = header(record, DEAD_LETTER_HEADERS + "original-consumer-group");
		return group == null || groups.contains(group);
	}

	private static DeadLetter letter(String topic, ConsumerRecord<byte[], byte[]> record,
			@Nullable Disposition decided) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			if (isCarried(header)) {
				headers.put(header.key(), text(header.value()));
			}
		}
		String causeType = header(record, DEAD_LETTER_HEADERS + "exception-cause-fqcn");
		return new DeadLetter(record.partition() + "-" + record.offset(), topic, text(record.key()),
				header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE),
				(record.value() != null) ? text(record.value()) : "", headers,
				header(record, DEAD_LETTER_HEADERS + "exception-message"),
				(causeType != null) ? causeType : header(record, DEAD_LETTER_HEADERS + "exception-fqcn"),
				count(record, ATTEMPTS), count(record, REDRIVES), Instant.ofEpochMilli(record.timestamp()),
				Status.of(decided), decided);
	}

	/**
	 * The record to send back: its key, value and headers (the message id among them),
	 * without what the dead-letter topic added, counting one more redrive.
	 */
	private static ProducerRecord<byte[], byte[]> redriven(String topic, ConsumerRecord<byte[], byte[]> record) {
		ProducerRecord<byte[], byte[]> redriven = new ProducerRecord<>(topic, record.key(), record.value());
		for (Header header : record.headers()) {
			if (isCarried(header)) {
				redriven.headers().add(header);
			}
		}
		redriven.headers().add(REDRIVES, String.valueOf(count(record, REDRIVES) + 1).getBytes(StandardCharsets.UTF_8));
		return redriven;
	}

	private static boolean isCarried(Header header) {
		return !header.key().startsWith(DEAD_LETTER_HEADERS) && !header.key().equals(ATTEMPTS)
				&& !header.key().equals(REDRIVES);
	}

	private DeadLetterProblem alreadyDecided(String topic, String id) {
		Position position = position(topic, id);
		Disposition decided = this.dispositions
			.find(position.deadLetterTopic(), position.partition(), List.of(position.offset()))
			.get(position.offset());
		if (decided == null) {
			return DeadLetterProblem.conflict("The dead letter " + id + " was decided about at the same time");
		}
		String what = switch (Status.of(decided)) {
			case REDRIVING -> "is being redriven";
			case REDRIVEN -> "was redriven";
			case DISCARDED -> "was discarded";
			case PENDING -> "was decided about";
		};
		return DeadLetterProblem.conflict("The dead letter " + id + " " + what + " by " + decided.by() + " at "
				+ decided.at() + ((decided.reason() != null) ? " (" + decided.reason() + ")" : ""));
	}

	private static DeadLetterProblem notFound(String topic, String id) {
		return DeadLetterProblem.notFound("No dead letter " + id + " of " + topic + " here");
	}

	private static int count(ConsumerRecord<?, ?> record, String header) {
		String value = header(record, header);
		try {
			return (value != null) ? Integer.parseInt(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		return CloudEventHeaders.get(record, name);
	}

	private static @Nullable String text(byte @Nullable [] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

}
