package com.example.shop.platform.eventing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.eventing.aggregate.AggregateRepositories;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Action;
import com.example.shop.platform.eventing.deadletter.DeadLetters;
import com.example.shop.platform.eventing.deadletter.Dispositions;
import com.example.shop.platform.eventing.deadletter.JdbcDispositions;
import com.example.shop.platform.eventing.deadletter.MongoDispositions;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.eventing.inbox.InboxProperties;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.platform.eventing.outbox.OutboxController;
import com.example.shop.platform.eventing.outbox.OutboxProperties;
import com.example.shop.platform.eventing.outbox.OutboxRelay;
import com.example.shop.platform.eventing.store.ConflictRetry;
import com.example.shop.platform.eventing.store.ConflictRetryProperties;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.SnapshotStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The eventing conventions, applied to every service that has this module:
 * <ul>
 * <li>the {@link MessageCodec} of the published language;</li>
 * <li>Kafka readiness: {@code /readyz} is DOWN while the broker does not answer;</li>
 * <li>consumer error handling: a failing record is delivered
 * {@code shop.eventing.inbox.attempts} times, then published with its error to
 * {@code <topic>-dlt}; an {@link InvalidMessageException} or malformed JSON goes there at
 * once. Retries are bounded, so a poison record holds up its partition for seconds at
 * most; a delivery that failed to reach the database while the database does not answer
 * ({@link StoreProbe}) does not count, so an outage dead-letters nothing: its records are
 * delivered until it is over. A dead letter carries the deliveries that counted
 * ({@code shop_attempts}), and operators list, redrive and discard them
 * ({@code deadletter});</li>
 * <li>with a PostgreSQL {@link DataSource}: the event store, snapshots, the transactional
 * outbox and its relay, the inbox and its purge, the decisions about dead letters, on
 * tables this module migrates itself;</li>
 * <li>with MongoDB instead: the decisions about dead letters.</li>
 * </ul>
 */
@AutoConfiguration(
		after = { KafkaAutoConfiguration.class, DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				TransactionAutoConfiguration.class, JacksonAutoConfiguration.class },
		afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableConfigurationProperties({ OutboxProperties.class, InboxProperties.class, GroupCommitProperties.class,
		ConflictRetryProperties.class })
public class EventingAutoConfiguration {

	/**
	 * In a web service with a database, PostgreSQL or MongoDB: a request that cannot
	 * reach the database is 503 problem details, not a 500.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
	@Conditional(OnStore.class)
	static class StoreUnavailableConfiguration {

		@Bean
		StoreUnavailableAdvice storeUnavailableAdvice(ObjectProvider<StoreProbe> store) {
			return new StoreUnavailableAdvice(store.getIfAvailable(() -> () -> true));
		}

	}

	/**
	 * A {@link DataSource}, or a {@code MongoTemplate} (which turns the driver's failures
	 * to reach MongoDB into Spring's {@code DataAccessResourceFailureException}).
	 */
	static class OnStore extends AnyNestedCondition {

		OnStore() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		static class Jdbc {

		}

		@ConditionalOnBean(type = "org.springframework.data.mongodb.core.MongoTemplate")
		static class Mongo {

		}

	}

	/**
	 * Spans for consumed and published messages; none without a tracer (no
	 * {@link Tracer}, as in tests that do not ask for it).
	 */
	@Bean
	MessageTracing messageTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new MessageTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	@Bean
	Causes causes(MessageTracing tracing) {
		return new Causes(tracing);
	}

	/**
	 * Traces start only where work arrives, a request received (or a message, whose span
	 * {@link MessageTracing} makes): database calls, security checks and scheduled runs
	 * are observed as part of one, never as traces of their own. The relay's, the purge's
	 * and the deadlines' polls would otherwise each start a trace and bury those that
	 * matter; their own meters ({@code outbox.*}, {@code saga.*}) describe them.
	 */
	@Bean
	ObservationPredicate tracesStartOnlyWhereWorkArrives(MessageTracing tracing) {
		return (name, context) -> tracing.isOff() || context instanceof ReceiverContext<?> || tracing.inSpan();
	}

	@Bean
	@ConditionalOnMissingBean
	MessageCodec messageCodec(JsonMapper json) {
		return new MessageCodec(json);
	}

	@Bean
	@ConditionalOnBean(KafkaAdmin.class)
	@ConditionalOnEnabledHealthIndicator("kafka")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), Duration.ofSeconds(2));
	}

	@Bean
	@ConditionalOnMissingBean
	DefaultErrorHandler kafkaErrorHandler(KafkaProperties kafka, InboxProperties inbox, MeterRegistry meters,
			ObjectProvider<StoreProbe> store) {
		var serializer = new DelegatingByTypeSerializer(
				Map.of(byte[].class, new ByteArraySerializer(), String.class, new StringSerializer()));
		var template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<Object, Object>(kafka.buildProducerProperties(), null, serializer));
		var deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		deadLetters.setHeadersFunction((record, ex) -> new RecordHeaders(List.of(new RecordHeader(DeadLetters.ATTEMPTS,
				String.valueOf(isRetryable(ex) ? inbox.attempts() : 1).getBytes(StandardCharsets.UTF_8)))));
		var backOff = new StoreAwareBackOff(inbox.backOff().toMillis(), Math.max(0, inbox.attempts() - 1),
				store.getIfAvailable(() -> () -> true));
		var handler = new DefaultErrorHandler((record, ex) -> {
			deadLetters.accept(record, recordFailure(ex));
			deadLetters(meters, record.topic()).increment();
		}, backOff);
		handler.setRetryListeners(backOff);
		handler.addNotRetryableExceptions(InvalidMessageException.class, JacksonException.class);
		return handler;
	}

	/**
	 * The dead letters of every topic a listener of this service consumes, and the
	 * operators' decisions about them, counted from zero as soon as the listeners exist:
	 * a counter born at its first dead letter would start at 1, and {@code increase()}
	 * (the alert, the dashboard) would never see that one.
	 */
	@Bean
	ApplicationListener<ApplicationStartedEvent> deadLettersCountedFromZero(
			ObjectProvider<KafkaListenerEndpointRegistry> listeners, MeterRegistry meters) {
		return (event) -> listeners
			.ifAvailable((registry) -> DeadLetters.consumedTopics(registry).keySet().forEach((topic) -> {
				deadLetters(meters, topic);
				for (Action action : Action.values()) {
					DeadLetters.decisions(meters, topic, action);
				}
			}));
	}

	/**
	 * Whether the error handler delivered the record again before it gave up: not for a
	 * record that can never succeed.
	 */
	private static boolean isRetryable(Exception failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidMessageException || cause instanceof JacksonException) {
				return false;
			}
		}
		return true;
	}

	private static Counter deadLetters(MeterRegistry meters, String topic) {
		return Counter.builder("inbox.dead.letters")
			.description("Records published to a dead-letter topic, by the topic they came from")
			.tag("topic", topic)
			.register(meters);
	}

	/**
	 * What a dead letter says about its failure: the record's own, not the batch
	 * listener's report of which record it was.
	 */
	private static Exception recordFailure(Exception failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BatchListenerFailedException batch && batch.getCause() != null) {
				return new ListenerExecutionFailedException(batch.getCause().getMessage(), batch.getCause());
			}
		}
		return failure;
	}

	/**
	 * Decisions about dead letters in MongoDB, for a service whose store it is.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MongoOperations.class)
	@ConditionalOnBean(MongoOperations.class)
	@ConditionalOnMissingBean(DataSource.class)
	static class MongoEventingConfiguration {

		@Bean
		Dispositions mongoDispositions(MongoOperations mongo) {
			return new MongoDispositions(mongo);
		}

		@Bean
		@ConditionalOnMissingBean
		StoreProbe mongoStoreProbe(MongoOperations mongo) {
			return () -> {
				try {
					mongo.executeCommand("{ ping: 1 }");
					return true;
				}
				catch (RuntimeException ex) {
					return false;
				}
			};
		}

	}

	/**
	 * The parts that store state in PostgreSQL.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcTemplate.class, PGConnection.class, Flyway.class })
	@ConditionalOnBean(DataSource.class)
	static class PostgresEventingConfiguration {

		/**
		 * Runs after the service's own database initialization (its Flyway migrations),
		 * which expects to find an empty schema on a new database.
		 */
		@Bean
		@DependsOnDatabaseInitialization
		EventingSchema eventingSchema(DataSource dataSource) {
			return new EventingSchema(dataSource);
		}

		@Bean
		EventStore eventStore(EventingSchema schema, JdbcTemplate jdbc, JsonMapper json, MeterRegistry meters) {
			return new EventStore(jdbc, json, meters);
		}

		@Bean
		SnapshotStore snapshotStore(EventingSchema schema, JdbcTemplate jdbc) {
			return new SnapshotStore(jdbc);
		}

		@Bean
		Outbox outbox(EventingSchema schema, JdbcTemplate jdbc, JsonMapper json, ObjectProvider<OutboxRelay> relay) {
			return new Outbox(jdbc, json, () -> relay.ifAvailable(OutboxRelay::wake));
		}

		@Bean
		AggregateRepositories aggregateRepositories(EventStore events, SnapshotStore snapshots, Outbox outbox,
				JsonMapper json, TransactionTemplate transactions) {
			return new AggregateRepositories(events, snapshots, outbox, json, transactions);
		}

		@Bean
		Dispositions jdbcDispositions(EventingSchema schema, JdbcTemplate jdbc) {
			return new JdbcDispositions(jdbc);
		}

		@Bean
		@ConditionalOnMissingBean
		StoreProbe jdbcStoreProbe(DataSource dataSource) {
			return StoreProbe.of(dataSource);
		}

		@Bean
		@ConditionalOnProperty(name = "shop.eventing.outbox.relay-enabled", matchIfMissing = true)
		OutboxRelay outboxRelay(EventingSchema schema, DataSource dataSource, KafkaProperties kafka, JsonMapper json,
				OutboxProperties properties, @Value("${spring.application.name}") String source, MeterRegistry meters,
				MessageTracing tracing) {
			return new OutboxRelay(dataSource,
					() -> OutboxRelay.producer(kafka.buildProducerProperties(), source + "-outbox-relay"), json,
					properties, source, meters, tracing);
		}

		/**
		 * How often a unit of work that lost a race runs: one policy per service, set
		 * with {@code shop.eventing.conflict-retry.attempts}.
		 */
		@Bean
		ConflictRetry conflictRetry(ConflictRetryProperties properties) {
			return new ConflictRetry(properties.attempts());
		}

		/**
		 * In a web service: the outbox's backlog for operators, over HTTP.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.web.servlet.DispatcherServlet",
				"com.example.shop.platform.web.security.Allow" })
		@Import(OutboxController.class)
		static class OutboxWebConfiguration {

		}

		@Bean
		@ConditionalOnMissingBean
		GroupCommit groupCommit(TransactionTemplate transactions, GroupCommitProperties properties,
				MeterRegistry meters, MessageTracing tracing) {
			return new GroupCommit(transactions, properties.maxBatch(), meters, tracing);
		}

		@Bean
		Inbox inbox(EventingSchema schema, JdbcTemplate jdbc, TransactionTemplate transactions, ConflictRetry retry,
				MeterRegistry meters, MessageTracing tracing) {
			return new Inbox(jdbc, transactions, retry, meters, tracing);
		}

		@Bean
		RetentionPurge inboxPurge(EventingSchema schema, JdbcTemplate jdbc, InboxProperties properties) {
			return new RetentionPurge(jdbc, "inbox_message", "processed_at", properties.retention(),
					properties.purgeInterval());
		}

	}

}
