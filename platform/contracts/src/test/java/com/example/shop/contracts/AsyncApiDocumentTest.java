package com.example.shop.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document of the published language, {@code docs/asyncapi/messages.json},
 * is what {@link AsyncApiDocument} generates from the records, is a valid AsyncAPI 3.0.0
 * document (checked against the specification's own JSON Schema, vendored from
 * {@code @asyncapi/specs} 6.11.1 under the Apache License 2.0), and every golden sample
 * of a current version fits its message's schema. Run with {@code -Dasyncapi.update=true}
 * to write the generated document over the committed one.
 */
class AsyncApiDocumentTest {

	private static final Path COMMITTED = Path.of("")
		.toAbsolutePath()
		.getParent()
		.getParent()
		.resolve("docs/asyncapi/messages.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	private final ObjectNode generated = AsyncApiDocument.generate(JSON);

	@Test
	void theCommittedDocumentIsTheGeneratedOne() throws IOException {
		String text = JSON.writeValueAsString(this.generated) + "\n";
		if (Boolean.getBoolean("asyncapi.update")) {
			Files.createDirectories(COMMITTED.getParent());
			Files.writeString(COMMITTED, text);
		}
		assertThat(COMMITTED).as("run the build with -Dasyncapi.update=true and commit the change").exists();
		assertThat(Files.readString(COMMITTED))
			.as("docs/asyncapi/messages.json is stale: run with "
					+ "-Dasyncapi.update=true and review the change like code")
			.isEqualTo(text);
	}

	@Test
	void isAValidAsyncApi3Document() throws IOException {
		Schema asyncApi;
		try (InputStream schema = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
			asyncApi = SCHEMAS.getSchema(JSON.readTree(schema));
		}

		assertThat(asyncApi.validate(this.generated)).isEmpty();
		ObjectNode broken = this.generated.deepCopy();
		((ObjectNode) broken.path("channels").path("ordersEvents")).put("address", 42);
		assertThat(asyncApi.validate(broken)).as("the check can fail").isNotEmpty();
	}

	@Test
	void hasAChannelPerTopicAndAMessagePerType() {
		assertThat(this.generated.path("channels").properties()).hasSize(6);
		assertThat(this.generated.path("components").path("messages").properties()).hasSameSizeAs(MessageTypes.all());
		JsonNode placed = this.generated.path("components").path("schemas").path("OrderPlaced");
		assertThat(placed.path("required").valueStream().map(JsonNode::asString)).contains("recipient", "orderId");
		JsonNode refunded = this.generated.path("components").path("schemas").path("PaymentRefunded");
		assertThat(refunded.path("required").valueStream().map(JsonNode::asString)).doesNotContain("currency");
		assertThat(this.generated.path("components").path("schemas").path("OrderId").path("type").asString())
			.isEqualTo("string");
	}

	/**
	 * Every object schema with properties, at any depth, made to refuse other properties.
	 */
	private static JsonNode closed(JsonNode schema) {
		if (schema instanceof ObjectNode object) {
			if (object.has("properties")) {
				object.put("additionalProperties", false);
			}
			object.forEach(AsyncApiDocumentTest::closed);
		}
		else if (schema.isArray()) {
			schema.forEach(AsyncApiDocumentTest::closed);
		}
		return schema;
	}

	@TestFactory
	List<DynamicTest> everyCurrentSampleFitsItsSchema() {
		return GoldenCorpusTest.samples()
			.stream()
			.filter((sample) -> sample.version() == sample.type().version())
			.map((sample) -> DynamicTest.dynamicTest(sample.file().toString(), () -> {
				ObjectNode root = JSON.createObjectNode();
				root.put("$ref", "#/components/schemas/" + sample.type().name());
				// strict for this check only: a sample with a field the schema lacks (a
				// rename the document missed) must not fit; the published schemas stay
				// open, as readers ignore fields they do not know
				root.set("components", closed(this.generated.path("components").deepCopy()));
				List<Error> errors = SCHEMAS.getSchema(root).validate(sample.payload());
				assertThat(errors).isEmpty();
			}))
			.toList();
	}

}
