package com.example.shop.platform.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backend that looks an {@code _id} up in its index must answer exactly as the plain
 * backend's full scan does, and read the files the plain backend wrote.
 */
class IdIndexedH2BackendTest {

	@TempDir
	Path dir;

	/**
	 * A projection's writes, replayed with duplicates and stale versions on both
	 * backends: every answer and the final documents are the same.
	 */
	@Test
	void answersQueriesByIdAndConditionsAsAFullScanDoes() {
		try (Server plain = new Server(H2Backend.inMemory());
				Server indexed = new Server(new IdIndexedH2Backend(null))) {
			Random random = new Random(20261127);
			for (int i = 0; i < 3_000; i++) {
				// string and number ids, enough of them to split the index's pages
				Object id = random.nextBoolean() ? "order-" + random.nextInt(300) : (long) random.nextInt(300);
				long version = 1 + random.nextInt(8);
				// Spring Data writes {_id: .., version: {$lt: ..}}, the driver's Filters
				// an $and
				Bson stale = random.nextBoolean() ? Filters.and(Filters.eq("_id", id), Filters.lt("version", version))
						: new Document("_id", id).append("version", new Document("$lt", version));
				switch (random.nextInt(5)) {
					case 0, 1 -> assertThat(indexed.conditionalUpsert(stale, version))
						.isEqualTo(plain.conditionalUpsert(stale, version));
					case 2 -> {
						Bson filter = Filters.and(Filters.eq("_id", id), Filters.gte("version", version));
						assertThat(indexed.find(filter)).isEqualTo(plain.find(filter));
					}
					case 3 -> {
						// not a single _id: the indexed backend scans, as the plain one
						// does
						Bson filter = Filters.and(Filters.in("_id", id, "order-" + random.nextInt(300)),
								Filters.lt("version", version));
						assertThat(indexed.find(filter)).isEqualTo(plain.find(filter));
					}
					default -> assertThat(indexed.documents.deleteOne(stale).getDeletedCount())
						.isEqualTo(plain.documents.deleteOne(stale).getDeletedCount());
				}
			}
			assertThat(indexed.find(Filters.empty())).isEqualTo(plain.find(Filters.empty())).isNotEmpty();
		}
	}

	@Test
	void readsAndUpdatesWhatThePlainBackendStored() {
		String file = this.dir.resolve("documents.mv").toString();
		H2Backend plainBackend = new H2Backend(file);
		try (Server plain = new Server(plainBackend)) {
			plain.documents.insertOne(new Document("_id", "order-1").append("version", 3L).append("status", "PENDING"));
		}
		plainBackend.close();

		try (Server indexed = new Server(new IdIndexedH2Backend(file))) {
			UpdateResult update = indexed.documents.updateOne(
					Filters.and(Filters.eq("_id", "order-1"), Filters.lt("version", 4L)),
					Updates.combine(Updates.set("version", 4L), Updates.set("status", "CONFIRMED")));

			assertThat(update.getModifiedCount()).isEqualTo(1);
			assertThat(indexed.find(Filters.eq("_id", "order-1")))
				.containsExactly(new Document("_id", "order-1").append("version", 4L).append("status", "CONFIRMED"));
		}
	}

	@Test
	void keepsItsUniqueIndexesAcrossARestartAndBuildsThemForFilesThePlainBackendWrote() {
		String file = this.dir.resolve("documents.mv").toString();
		H2Backend plainBackend = new H2Backend(file);
		try (Server plain = new Server(plainBackend)) {
			plain.documents.insertOne(new Document("_id", "order-1").append("version", 1L));
		}
		plainBackend.close();

		for (String id : List.of("order-2", "order-3")) {
			IdIndexedH2Backend backend = new IdIndexedH2Backend(file);
			try (Server indexed = new Server(backend)) {
				indexed.documents.insertOne(new Document("_id", id).append("version", 1L));
				for (String existing : List.of("order-1", "order-2")) {
					assertThatExceptionOfType(MongoWriteException.class)
						.isThrownBy(() -> indexed.documents.insertOne(new Document("_id", existing)))
						.satisfies((ex) -> assertThat(ex.getError().getCode()).isEqualTo(11000));
				}
				assertThat(indexed.find(Filters.eq("_id", "order-1"))).hasSize(1);
			}
			backend.close();
		}

		// and the plain backend, opening the file again, builds its index anew
		H2Backend plainAgain = new H2Backend(file);
		try (Server plain = new Server(plainAgain)) {
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> plain.documents.insertOne(new Document("_id", "order-3")));
			assertThat(plain.find(Filters.empty())).hasSize(3);
		}
		plainAgain.close();
	}

	@Test
	void dropsAUniqueIndexWithItsCollection() {
		try (Server indexed = new Server(new IdIndexedH2Backend(null))) {
			indexed.documents.insertOne(new Document("_id", "order-1"));
			indexed.documents.drop();
			indexed.documents.insertOne(new Document("_id", "order-1"));

			assertThat(indexed.find(Filters.empty())).containsExactly(new Document("_id", "order-1"));
		}
	}

	private static final class Server implements AutoCloseable {

		private final MongoServer server;

		private final MongoClient client;

		private final MongoCollection<Document> documents;

		Server(MongoBackend backend) {
			this.server = new MongoServer(backend);
			InetSocketAddress address = this.server.bind();
			this.client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
			this.documents = this.client.getDatabase("test").getCollection("summaries");
		}

		/**
		 * What the read model does: upsert unless the document is as new already; the
		 * loser of an insert race, or a stale event, updates nothing.
		 */
		String conditionalUpsert(Bson stale, long version) {
			Bson update = Updates.combine(Updates.set("version", version), Updates.push("seen", version));
			try {
				UpdateResult result = this.documents.updateOne(stale, update, new UpdateOptions().upsert(true));
				return "matched " + result.getMatchedCount() + ", upserted " + (result.getUpsertedId() != null);
			}
			catch (MongoWriteException ex) {
				return "duplicate key " + ex.getError().getCode();
			}
		}

		List<Document> find(Bson filter) {
			return this.documents.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
		}

		@Override
		public void close() {
			this.client.close();
			this.server.shutdownNow();
		}

	}

}
