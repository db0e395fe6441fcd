package com.example.shop.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.localstack.ChildProcess;
import com.example.shop.platform.localstack.Issuer;
import com.example.shop.platform.localstack.IssuerClient;
import com.example.shop.platform.localstack.KafkaBroker;
import com.example.shop.platform.localstack.MongoWireServer;
import com.example.shop.platform.localstack.Ports;
import com.example.shop.platform.localstack.RunDirectory;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The projections' throughput, live and during a rebuild of the order summary, beside a
 * raw baseline: the documents each writes for the same events, upserted with the MongoDB
 * driver in bulk (live, the one listener writes the order summary and the revenue report
 * for every orders event; a rebuild writes the order summary alone). The
 * order-query-service runs as its built jar against Kafka and the MongoDB wire server of
 * the local stack.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar com.example.shop.benchmarks.ProjectionBenchmark [orders]}
 */
public final class ProjectionBenchmark {

	/**
	 * The operations token that reads and rebuilds projections, from the issuer main
	 * starts.
	 */
	private static Supplier<String> authorization;

	/**
	 * The consumer group of the live projections' listener, as
	 * {@code ProjectionListeners} names it.
	 */
	private static final String GROUP = "order-query-service.projections";

	private ProjectionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("logback.configurationFile", "local-stack-logback.xml");
		int orders = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		Path jar = Path.of("order-query-service", "target", "order-query-service.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package");
		}
		RunDirectory run = new RunDirectory(
				Path.of("benchmarks", "target", "projection-" + System.currentTimeMillis()));
		try (KafkaBroker kafka = KafkaBroker.start(run, Ports.free(), Ports.free());
				MongoWireServer mongo = MongoWireServer.start(run, Ports.free(), false);
				Issuer issuer = Issuer.start(run, Path.of(""), Ports.free(), Ports.free())) {
			authorization = new IssuerClient(issuer.uri()).authorization("shop-load-generator", "load-secret",
					"operations");
			int port = Ports.free();
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
				// all the topics the listener reads, as in a deployment: a consumer
				// subscribed to a missing topic keeps asking the broker for its metadata
				admin.createTopics(List.of(new NewTopic(Topics.ORDERS_EVENTS, 3, (short) 1),
						new NewTopic(Topics.PAYMENTS_EVENTS, 3, (short) 1),
						new NewTopic(Topics.INVENTORY_EVENTS, 3, (short) 1)))
					.all()
					.get(30, TimeUnit.SECONDS);
				ChildProcess service = ChildProcess.startBootJar(run, "order-query-service", jar,
						List.of("-Xms512m", "-Xmx512m"),
						Map.of("SERVER_PORT", String.valueOf(port), "MANAGEMENT_SERVER_PORT",
								String.valueOf(Ports.free()), "SPRING_KAFKA_BOOTSTRAP_SERVERS",
								kafka.bootstrapServers(), "SPRING_MONGODB_URI", mongo.uri("order_query"),
								"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuer.uri()));
				try {
					measure(orders, kafka, mongo, admin, service, port);
				}
				finally {
					// an overloaded service may not finish its graceful shutdown: never
					// leave it running
					service.stop(Duration.ofSeconds(20));
				}
			}
		}
	}

	private static void measure(int orders, KafkaBroker kafka, MongoWireServer mongo, Admin admin, ChildProcess service,
			int port) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient(); MongoClient client = MongoClients.create(mongo.uri(""))) {
			awaitTrue(() -> status(http, port, "/readyz") == 200, Duration.ofSeconds(120), "the service to be ready");
			var database = client.getDatabase("order_query");
			long events = 2L * orders;
			String committed = "the group " + GROUP + " to commit the last offsets";

			// the same load once unmeasured first: a service fresh from start-up runs
			// interpreted and C1-compiled code for its first tens of seconds
			Map<TopicPartition, Long> warmedUp = produce(kafka.bootstrapServers(), orders);
			awaitTrue(() -> appliedUpTo(admin, warmedUp), Duration.ofMinutes(10), committed);

			// the measured events wait in the topics while the service is frozen, so that
			// producing them takes no CPU from the measured window; the live listener
			// then
			// drains them as fast as it can apply them
			Map<TopicPartition, Long> lastOffsets = producedWhilePaused(service, kafka, orders);
			CpuTime cpu = cpuFrom(service, kafka, mongo);
			long began = System.nanoTime();
			// done when the listener has committed the last offset of every partition,
			// which it does once the views have the poll; asking the service (GET
			// /projections) every 50 ms would cost the service and the wire server a
			// quarter as much CPU as the listener, and counting documents would scan the
			// collection under the projection's writes
			awaitTrue(() -> appliedUpTo(admin, lastOffsets), Duration.ofMinutes(10), committed);
			double live = events / ((System.nanoTime() - began) / 1e9);
			String liveCpu = cpu.per(events);
			long confirmed = database.getCollection(activeCollection(database))
				.countDocuments(Filters.eq("version", 2));
			if (confirmed != 2L * orders) {
				throw new IllegalStateException(
						"The view holds " + confirmed + " confirmed orders of " + 2 * orders + " once caught up");
			}

			cpu = cpuFrom(service, kafka, mongo);
			began = System.nanoTime();
			post(http, port, "/projections/order-summary/rebuild");
			awaitTrue(() -> activeCollection(database).endsWith("_g2"), Duration.ofMinutes(10),
					"the rebuild to switch");
			// the rebuild replays the warm-up's events too
			double rebuild = 2 * events / ((System.nanoTime() - began) / 1e9);
			String rebuildCpu = cpu.per(2 * events);

			// once unmeasured, as the service was warmed up
			bulkUpsert(database, "baseline_warmup", orders, true);
			double summariesBaseline = bulkUpsert(database, "baseline_rebuild", orders, false);
			cpu = cpuFrom(service, kafka, mongo);
			double liveBaseline = bulkUpsert(database, "baseline_live", orders, true);
			String baselineCpu = cpu.per(events);

			System.out.printf(
					"%n| Measurement | Events/s | Baseline events/s (driver bulk upsert, same documents) | Ratio |%n");
			System.out.println("|---|---:|---:|---:|");
			System.out.printf(Locale.ROOT,
					"| Live: Kafka to view, %,d events (order summary and revenue report) | %,.0f | %,.0f | %.2f |%n",
					events, live, liveBaseline, live / liveBaseline);
			System.out.printf(Locale.ROOT,
					"| Rebuild from offset 0, %,d events (order summary) | %,.0f | %,.0f | %.2f |%n", 2 * events,
					rebuild, summariesBaseline, rebuild / summariesBaseline);
			System.out.printf(Locale.ROOT,
					"%nLive against the order summary's documents alone: %,.0f events/s, ratio %.2f%n",
					summariesBaseline, live / summariesBaseline);
			System.out.printf(
					"%nCPU per event, live: %s%nCPU per event, rebuild: %s%nCPU per event, live baseline: %s%n",
					liveCpu, rebuildCpu, baselineCpu);
		}
	}

	/**
	 * Produces the orders' events while the service is frozen ({@code SIGSTOP}). The
	 * service is resumed afterwards, also when this JVM is stopped meanwhile (a frozen
	 * service cannot notice that its parent is gone). Producing must stay well below the
	 * consumer session timeout (45 s), or the group would rebalance in the measured
	 * window.
	 */
	private static Map<TopicPartition, Long> producedWhilePaused(ChildProcess service, KafkaBroker kafka, int orders)
			throws Exception {
		Thread resume = new Thread(service::resume);
		Runtime.getRuntime().addShutdownHook(resume);
		service.pause();
		long began = System.nanoTime();
		try {
			return produce(kafka.bootstrapServers(), orders);
		}
		finally {
			service.resume();
			Runtime.getRuntime().removeShutdownHook(resume);
			long seconds = (System.nanoTime() - began) / 1_000_000_000L;
			if (seconds > 30) {
				throw new IllegalStateException("Producing took " + seconds
						+ " s, close to the consumer session timeout: measure fewer orders");
			}
		}
	}

	private static CpuTime cpuFrom(ChildProcess service, KafkaBroker kafka, MongoWireServer mongo) {
		return new CpuTime(Map.of("service", CpuTime.process(service.pid()), "wire server",
				CpuTime.process(mongo.process().pid()), "Kafka", CpuTime.process(kafka.process().pid())));
	}

	/**
	 * For each order an {@code OrderPlaced} (version 1) and an {@code OrderConfirmed}
	 * (version 2), keyed by order id, as the command side publishes them.
	 */
	private static Map<TopicPartition, Long> produce(String bootstrap, int orders) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ACKS_CONFIG, "all");
		Map<TopicPartition, Long> lastOffsets = new ConcurrentHashMap<>();
		Callback track = (metadata, failure) -> {
			if (metadata != null) {
				lastOffsets.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(),
						Math::max);
			}
		};
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			for (int i = 0; i < orders; i++) {
				String id = UUID.randomUUID().toString();
				String now = Instant.now().toString();
				producer.send(record(id, "OrderPlaced", 1, now,
						"""
								{"orderId":"%s","customerId":"C-%06d","lines":[{"sku":"SKU-1","quantity":2,"unitPrice":19.99}],
								"currency":"EUR","total":39.98,"shippingAddress":{"name":"Ada","street":"1 Main St","city":"London",
								"postalCode":"N1","country":"GB"},"placedAt":"%s"}"""
							.formatted(id, i % 1_000_000, now)),
						track);
				producer.send(record(id, "OrderConfirmed", 2, now, """
						{"orderId":"%s","confirmedAt":"%s"}""".formatted(id, now)), track);
			}
			producer.flush();
		}
		return lastOffsets;
	}

	private static ProducerRecord<String, String> record(String key, String type, long version, String time,
			String payload) {
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERS_EVENTS, key, payload);
		record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_sequence", String.valueOf(version).getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_time", time.getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		return record;
	}

	/**
	 * The baseline: the documents the projections write for the same events, upserted
	 * with the driver, 1,000 per bulk write, with no Kafka and no version condition. For
	 * each order the order summary's two updates ({@code OrderPlaced},
	 * {@code OrderConfirmed}: the same fields, timeline and types as the projection
	 * writes) and, with {@code withRevenue}, the revenue report's two, which the live
	 * listener writes for the same events.
	 * @return events per second (an event is one order's {@code OrderPlaced} or
	 * {@code OrderConfirmed}, whatever number of documents it updates)
	 */
	private static double bulkUpsert(com.mongodb.client.MongoDatabase database, String name, int orders,
			boolean withRevenue) {
		// collections of its own, empty at the start like the projection's in a rebuild
		MongoCollection<Document> summaries = database.getCollection(name + "_summaries");
		MongoCollection<Document> revenue = database.getCollection(name + "_revenue");
		UpdateOptions upsert = new UpdateOptions().upsert(true);
		long began = System.nanoTime();
		List<WriteModel<Document>> summaryBatch = new ArrayList<>(1_000);
		List<WriteModel<Document>> revenueBatch = new ArrayList<>(1_000);
		for (int i = 0; i < orders; i++) {
			String id = UUID.randomUUID().toString();
			Date now = new Date();
			Decimal128 total = new Decimal128(new BigDecimal("39.98"));
			// each update one document, as the projections build them (the driver's
			// Updates builders would encode every operator twice)
			summaryBatch.add(new UpdateOneModel<>(new Document("_id", id),
					new Document("$set",
							new Document("customerId", "C-%06d".formatted(i % 1_000_000)).append("status", "PENDING")
								.append("lines",
										List.of(new Document("sku", "SKU-1").append("quantity", 2)
											.append("unitPrice", new Decimal128(new BigDecimal("19.99")))))
								.append("currency", "EUR")
								.append("total", total)
								.append("shippingAddress",
										new Document("name", "Ada").append("street", "1 Main St")
											.append("city", "London")
											.append("postalCode", "N1")
											.append("country", "GB"))
								.append("placedAt", now)
								.append("version", 1L))
						.append("$max", new Document("updatedAt", now))
						.append("$push",
								new Document("timeline",
										new Document("at", now).append("event", "OrderPlaced").append("version", 1L))),
					upsert));
			summaryBatch.add(new UpdateOneModel<>(new Document("_id", id),
					new Document("$set", new Document("status", "CONFIRMED").append("version", 2L))
						.append("$max", new Document("updatedAt", now))
						.append("$push", new Document("timeline",
								new Document("at", now).append("event", "OrderConfirmed").append("version", 2L))),
					upsert));
			if (withRevenue) {
				revenueBatch.add(new UpdateOneModel<>(new Document("_id", id),
						new Document("$set", new Document("currency", "EUR").append("total", total)), upsert));
				revenueBatch.add(new UpdateOneModel<>(new Document("_id", id),
						new Document("$set", new Document("confirmedAt", now).append("confirmedOn",
								now.toInstant().toString().substring(0, 10))),
						upsert));
			}
			if (summaryBatch.size() >= 1_000) {
				summaries.bulkWrite(summaryBatch);
				summaryBatch.clear();
			}
			if (revenueBatch.size() >= 1_000) {
				revenue.bulkWrite(revenueBatch);
				revenueBatch.clear();
			}
		}
		if (!summaryBatch.isEmpty()) {
			summaries.bulkWrite(summaryBatch);
		}
		if (!revenueBatch.isEmpty()) {
			revenue.bulkWrite(revenueBatch);
		}
		return 2.0 * orders / ((System.nanoTime() - began) / 1e9);
	}

	/**
	 * Whether the projections' listener has committed every partition's last offset: it
	 * commits a poll once the views have it.
	 */
	private static boolean appliedUpTo(Admin admin, Map<TopicPartition, Long> lastOffsets) {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			return lastOffsets.entrySet().stream().allMatch((last) -> {
				OffsetAndMetadata offset = committed.get(last.getKey());
				// the committed offset is the next one to read
				return offset != null && offset.offset() > last.getValue();
			});
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String activeCollection(com.mongodb.client.MongoDatabase database) {
		Document pointer = database.getCollection("projections").find(Filters.eq("_id", "order-summary")).first();
		return (pointer != null) ? pointer.getString("collection") : "order_summaries";
	}

	private static int status(HttpClient http, int port, String path) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Authorization", authorization.get())
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private static void post(HttpClient http, int port, String path) throws Exception {
		int status = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", authorization.get())
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
		if (status != 202) {
			throw new IllegalStateException("Rebuild answered " + status);
		}
	}

	private static void awaitTrue(BooleanSupplier condition, Duration timeout, String awaited)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Waited " + timeout + " for " + awaited);
			}
			Thread.sleep(50);
		}
	}

}
