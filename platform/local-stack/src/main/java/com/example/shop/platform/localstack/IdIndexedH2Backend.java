package com.example.shop.platform.localstack;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The wire server's H2 backend, with two changes that make the projections' writes cost
 * what they cost on MongoDB rather than time that grows with the collection:
 * <ul>
 * <li>A query that names one {@code _id} is answered through the {@code _id} index also
 * when it has more conditions, as MongoDB does. mongo-java-server uses an index only when
 * a query names exactly the index's fields, so {@code {_id: "o-1", version: {$lt: 5}}},
 * the conditional upsert that keeps every projection idempotent, read every document of
 * the collection. Here the index finds the one candidate and the server's own matcher
 * checks the whole query on it, so the results are those of a full scan.</li>
 * <li>Unique indexes compare their keys as values, not as serialized bytes (see
 * {@link #KEY_VALUES}).</li>
 * </ul>
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

			/**
			 * The unique index in a map that compares its keys as values. H2's default
			 * key type compares objects it does not know, such as the server's
			 * {@link KeyValue}, by serializing both for every comparison; that was half
			 * of the server's time under the projections' writes. The map has a name of
			 * its own, since its order differs from that of a map the plain backend
			 * wrote; the server fills an empty index from the documents.
			 */
			@Override
			protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
					boolean sparse) {
				// the plain backend's map of this index, if the file has one, would go
				// stale here: removed, so that the plain backend rebuilds it if it opens
				// the file again
				String plainMap = getFullCollectionNamespace(collection) + "._index_" + index;
				if (store.hasMap(plainMap)) {
					store.removeMap(plainMap);
				}
				MVMap<KeyValue, Object> entries = store.openMap(indexMap(collection, index),
						new MVMap.Builder<KeyValue, Object>().keyType(KEY_VALUES));
				return new UniqueIndex(entries, index, keys, sparse);
			}

			@Override
			protected void dropIndex(MongoCollection<Object> collection, String index) {
				super.dropIndex(collection, index);
				store.removeMap(indexMap(collection.getCollectionName(), index));
			}

			private String indexMap(String collection, String index) {
				return getFullCollectionNamespace(collection) + "._index_" + index + ".by-value";
			}

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

	/**
	 * H2's object type, except that index keys made only of strings, numbers, booleans,
	 * object ids and UUIDs (the keys of every index this project creates) compare by
	 * their values in the order MongoDB sorts them, element by element, instead of by
	 * their serialized bytes. Other keys (with {@code null}, missing fields, documents,
	 * dates...) sort after those and compare by their bytes, as before, so the order is
	 * total and equality is unchanged for them. Keys are still stored as the object type
	 * stores them.
	 */
	private static final ObjectDataType KEY_VALUES = new ObjectDataType() {

		private final ValueComparator values = ValueComparator.ascWithoutListHandling();

		@Override
		public int compare(Object a, Object b) {
			if (a instanceof KeyValue left && b instanceof KeyValue right) {
				boolean simpleLeft = isSimple(left);
				boolean simpleRight = isSimple(right);
				if (simpleLeft && simpleRight) {
					for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
						int order = this.values.compare(left.get(i), right.get(i));
						if (order != 0) {
							return order;
						}
					}
					return Integer.compare(left.size(), right.size());
				}
				if (simpleLeft != simpleRight) {
					return simpleLeft ? -1 : 1;
				}
			}
			return super.compare(a, b);
		}

		private static boolean isSimple(KeyValue key) {
			for (Object value : key) {
				if (!(value instanceof String || value instanceof Integer || value instanceof Long
						|| value instanceof Double || value instanceof Boolean || value instanceof ObjectId
						|| value instanceof UUID)) {
					return false;
				}
			}
			return true;
		}

	};

	/**
	 * A unique index kept in an H2 map, as the H2 backend keeps it.
	 */
	private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

		private final MVMap<KeyValue, Object> entries;

		UniqueIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
			super(name, keys, sparse);
			this.entries = entries;
		}

		@Override
		protected Object removeDocument(KeyValue key) {
			return this.entries.remove(key);
		}

		@Override
		protected boolean putKeyPosition(KeyValue key, Object position) {
			return this.entries.putIfAbsent(key, Missing.ofNullable(position)) == null;
		}

		@Override
		protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
			return this.entries.entrySet();
		}

		@Override
		protected Object getPosition(KeyValue key) {
			return this.entries.get(key);
		}

		@Override
		public long getCount() {
			return this.entries.sizeAsLong();
		}

		@Override
		public boolean isEmpty() {
			return this.entries.isEmpty();
		}

		@Override
		public long getDataSize() {
			return getCount();
		}

	}

}
