package com.example.shop.platform.localstack;

import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The wire server's H2 backend, with one change: a query that names one {@code _id} is
 * answered through the {@code _id} index also when it has more conditions, as MongoDB
 * does.
 * <p>
 * mongo-java-server uses an index only when a query names exactly the index's fields, so
 * {@code {_id: "o-1", version: {$lt: 5}}}, the conditional upsert that keeps every
 * projection idempotent, read every document of the collection: each event cost time in
 * proportion to the orders already in the view, and the read side of a long benchmark
 * measured the test double rather than the projection. Here the index finds the one
 * candidate and the server's own matcher checks the whole query on it, so the results are
 * those of a full scan.
 */
final class IdIndexedH2Backend extends H2Backend {

	private static final String ID = "_id";

	private static final String ID_INDEX = "_id_";

	/**
	 * @param file the H2 file to keep the documents in, or {@code null} for memory
	 */
	IdIndexedH2Backend(String file) {
		super(MVStore.open(file));
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		MVStore store = getMvStore();
		return new H2Database(name, store, getCursorRegistry()) {

			@Override
			protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
				// the maps H2Database itself opens, so its files stay readable
				String namespace = getFullCollectionNamespace(collection);
				MVMap<Object, Document> documents = store.openMap("databases." + namespace);
				MVMap<String, Object> metadata = store.openMap("meta." + namespace);
				return new Collection(this, collection, options, documents, metadata, this.cursorRegistry);
			}

		};
	}

	private static final class Collection extends H2Collection {

		Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
				MVMap<String, Object> metadata, CursorRegistry cursors) {
			super(database, name, options, documents, metadata, cursors);
		}

		/**
		 * Reached when no index takes the whole query: before scanning, look the
		 * {@code _id} up if the query names a single one.
		 */
		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			Object id = singleId(query);
			if (id != null) {
				for (Index<Object> index : getIndexes()) {
					if (ID_INDEX.equals(index.getName())) {
						Iterable<Object> candidates = index.getPositions(new Document(ID, id));
						return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fields);
					}
				}
			}
			return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
		}

		/**
		 * The one {@code _id} the query asks for, given as a value (not an operator, a
		 * regular expression or a list) at its top level or in a top-level {@code $and},
		 * else {@code null}.
		 */
		private static Object singleId(Document query) {
			if (isPlainValue(query.get(ID))) {
				return query.get(ID);
			}
			if (query.get("$and") instanceof List<?> clauses) {
				for (Object clause : clauses) {
					if (clause instanceof Document document && isPlainValue(document.get(ID))) {
						return document.get(ID);
					}
				}
			}
			return null;
		}

		private static boolean isPlainValue(Object id) {
			return id instanceof String || id instanceof Number || id instanceof ObjectId || id instanceof UUID;
		}

	}

}
