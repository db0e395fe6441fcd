package com.example.shop.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The compatibility gate of the published language. {@code src/test/resources/golden}
 * holds a JSON sample of every message type at every schema version it ever had, as a
 * producer wrote it: {@code <topic>/<Name>.v<version>[.<case>].json}. Samples are added,
 * never edited. A change to a contract record passes only if
 * <ul>
 * <li>every sample, of any version, still reads into the record through the registered
 * upcasters, as a consumer reads it off the topic;</li>
 * <li>every field of the record is present in every sample after upcasting, unless the
 * field is {@link Nullable}: a field added without a new version is optional, and readers
 * must do without it;</li>
 * <li>a sample of the current version, read and written again, is what the producer
 * wrote: no field was renamed, removed or retyped without a new version.</li>
 * </ul>
 * A new type or version without a sample fails, and so does a sample no type claims.
 */
class GoldenCorpusTest {

	static final Path CORPUS = Path.of("src/test/resources/golden");

	private static final Pattern FILE = Pattern.compile("([A-Za-z0-9]+)\\.v([0-9]+)(\\.[a-z0-9-]+)?\\.json");

	/**
	 * Configured as {@code MessageCodec} configures its mapper: fields a reader does not
	 * know are ignored, and amounts in a tree stay exact, scale included.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	@Test
	void holdsASampleOfEveryTypeAtEveryVersionAndNothingElse() {
		Set<String> expected = new TreeSet<>();
		for (MessageType type : MessageTypes.all()) {
			for (int version = 1; version <= type.version(); version++) {
				expected.add(type.topic() + "/" + type.name() + ".v" + version);
			}
		}
		Set<String> found = samples().stream()
			.map((sample) -> sample.type().topic() + "/" + sample.type().name() + ".v" + sample.version())
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(found).containsExactlyElementsOf(expected);
	}

	@TestFactory
	Stream<DynamicTest> everySampleStillReads() {
		return samples().stream().map((sample) -> DynamicTest.dynamicTest(sample.file().toString(), () -> {
			ObjectNode current = sample.type().upcast(sample.version(), sample.payload());
			Message message = JSON.treeToValue(current, sample.type().javaType());

			assertThat(message.orderId()).isNotNull();
			List<String> missing = new ArrayList<>();
			requireFields(sample.type().javaType(), current, "", missing);
			assertThat(missing)
				.as("fields of %s that %s lacks and that are not @Nullable: add them in a new "
						+ "version with an upcaster, or mark them @Nullable", sample.type().name(), sample.file())
				.isEmpty();

			if (sample.version() == sample.type().version()) {
				JsonNode written = withoutNulls(JSON.valueToTree(message));
				assertThat(written.equals(NUMERICALLY, sample.payload()))
					.as("%s written again:%n%s%nwas:%n%s", sample.file(), written, sample.payload())
					.isTrue();
			}
		}));
	}

	/**
	 * {@code golden.sha256} holds the SHA-256 of every sample, as {@code sha256sum}
	 * writes it: a sample whose hash changed was edited, which the rules forbid; a new
	 * sample needs its line
	 * ({@code cd src/test/resources/golden && sha256sum <topic>/<file>}).
	 */
	@Test
	void samplesAreAddedNeverEdited() throws Exception {
		Map<String, String> recorded = new TreeMap<>();
		for (String line : Files.readAllLines(CORPUS.resolveSibling("golden.sha256"))) {
			String[] parts = line.trim().split("\\s+", 2);
			recorded.put(parts[1], parts[0]);
		}
		Map<String, String> actual = new TreeMap<>();
		for (Sample sample : samples()) {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(sample.file()));
			actual.put(CORPUS.relativize(sample.file()).toString(), HexFormat.of().formatHex(digest));
		}

		assertThat(actual.keySet()).as("samples without a line in golden.sha256 (add it) or lines without a sample")
			.containsExactlyElementsOf(recorded.keySet());
		assertThat(actual)
			.as("samples are added, never edited: a changed sample means an old message no longer "
					+ "looks as producers wrote it; add a new version instead")
			.isEqualTo(recorded);
	}

	@Test
	void provesOrderPlacedVersion1ReadsAsVersion2() {
		Sample v1 = samples().stream()
			.filter((sample) -> sample.type().javaType() == OrderPlaced.class && sample.version() == 1)
			.findFirst()
			.orElseThrow();

		OrderPlaced placed = JSON.treeToValue(v1.type().upcast(1, v1.payload()), OrderPlaced.class);

		assertThat(placed.recipient()).isEqualTo("Ada Lovelace");
		assertThat(placed.shippingAddress()).isEqualTo(new ShippingAddress("1 Main St", "Berlin", "10115", "DE"));
		assertThat(v1.payload().path("shippingAddress").has("name")).as("upcasting leaves the sample alone").isTrue();
	}

	static List<Sample> samples() {
		try (Stream<Path> files = Files.walk(CORPUS)) {
			return files.filter(Files::isRegularFile).sorted().map(GoldenCorpusTest::sample).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Sample sample(Path file) {
		String topic = CORPUS.relativize(file.getParent()).toString();
		Matcher name = FILE.matcher(file.getFileName().toString());
		if (!name.matches()) {
			return fail("%s is not named <topic>/<Name>.v<version>[.<case>].json", file);
		}
		MessageType type = MessageTypes.find(topic, name.group(1))
			.orElseGet(() -> fail("%s is a sample of no type registered on %s", file, topic));
		int version = Integer.parseInt(name.group(2));
		if (version > type.version()) {
			return fail("%s is newer than %s version %d", file, type.name(), type.version());
		}
		return new Sample(file, type, version, (ObjectNode) JSON.readTree(file.toFile()));
	}

	private static void requireFields(Class<?> record, JsonNode node, String path, List<String> missing) {
		for (RecordComponent component : record.getRecordComponents()) {
			JsonNode value = node.get(component.getName());
			String field = path + component.getName();
			if (value == null || value.isNull()) {
				if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
					missing.add(field);
				}
				continue;
			}
			Class<?> type = component.getType();
			if (type.isRecord() && !isId(type)) {
				requireFields(type, value, field + ".", missing);
			}
			else if (List.class.isAssignableFrom(type)
					&& elementType(component.getGenericType()) instanceof Class<?> element && element.isRecord()
					&& !isId(element)) {
				for (int i = 0; i < value.size(); i++) {
					requireFields(element, value.get(i), field + "[" + i + "].", missing);
				}
			}
		}
	}

	private static boolean isId(Class<?> type) {
		return type == OrderId.class || type == CustomerId.class || type == Sku.class;
	}

	private static Type elementType(Type list) {
		return (list instanceof ParameterizedType parameterized) ? parameterized.getActualTypeArguments()[0] : null;
	}

	private static JsonNode withoutNulls(JsonNode node) {
		if (node instanceof ObjectNode object) {
			ObjectNode copy = object.objectNode();
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (!field.getValue().isNull()) {
					copy.set(field.getKey(), withoutNulls(field.getValue()));
				}
			}
			return copy;
		}
		if (node.isArray()) {
			var copy = JSON.createArrayNode();
			node.forEach((element) -> copy.add(withoutNulls(element)));
			return copy;
		}
		return node;
	}

	private static final Comparator<JsonNode> NUMERICALLY = (left, right) -> {
		if (left.isNumber() && right.isNumber()) {
			return left.decimalValue().compareTo(right.decimalValue());
		}
		return left.equals(right) ? 0 : 1;
	};

	record Sample(Path file, MessageType type, int version, ObjectNode payload) {

	}

}
