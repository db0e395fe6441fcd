package com.example.shop.platform.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes each service's OpenAPI document the same way: its title, version and
 * description from {@link ApiProperties}; the {@code ProblemDetail} schema; for every
 * operation the error statuses of its {@link ProblemResponses}, each as
 * {@code application/problem+json} with an example; 503 with {@code Retry-After} on every
 * command, which admission control may shed; 413 and 415 on every operation with a body;
 * and paths and tags in a stable order, so that the committed document changes only when
 * the API does. Every operation with an {@link Allow} needs a bearer token, lists its
 * roles ({@code x-roles}) and answers 400 (any request can be malformed), 401, 403 and
 * 429.
 */
public final class ApiDocumentation implements OpenApiCustomizer {

	private static final String PROBLEM_SCHEMA = "ProblemDetail";

	/** The extension that lists the roles of an operation: {@code x-roles}. */
	public static final String ROLES_EXTENSION = "x-roles";

	private static final String BEARER = "bearer";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final Set<PathItem.HttpMethod> COMMANDS = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
			PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

	private static final Map<Integer, String> MEANINGS = Map.ofEntries(
			Map.entry(400, "The request is malformed or a field is invalid; `errors` lists each field"),
			Map.entry(401, "No valid bearer token from the shop's issuer; see `WWW-Authenticate`"),
			Map.entry(403, "The caller's roles do not include one this operation needs"),
			Map.entry(404, "No such resource"),
			Map.entry(409, "The resource changed meanwhile, or its state forbids this"),
			Map.entry(413, "The body is larger than the service accepts"), Map.entry(415, "The body is not JSON"),
			Map.entry(429, "The caller sent more requests than it may; retry after `Retry-After` seconds"),
			Map.entry(422, "The request is well formed but breaks a business rule"),
			Map.entry(428, "A precondition header this operation needs is missing"),
			Map.entry(503, "The service cannot take the request now; retry after `Retry-After` seconds"));

	private final ApiProperties properties;

	public ApiDocumentation(ApiProperties properties) {
		this.properties = properties;
	}

	/**
	 * Adds the documented error statuses of one operation, and who may call it: its roles
	 * as {@code x-roles}, in its description, and 400, 401, 403 and 429.
	 */
	static Operation document(Operation operation, HandlerMethod handler) {
		ProblemResponses problems = handler.getMethodAnnotation(ProblemResponses.class);
		if (problems != null) {
			Arrays.stream(problems.value()).forEach((status) -> addProblem(operation, status));
		}
		Allow allow = handler.getMethodAnnotation(Allow.class);
		if (allow != null) {
			List<String> roles = Arrays.stream(allow.value()).map(Role::claim).toList();
			operation.addExtension(ROLES_EXTENSION, roles);
			operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
			String who = "**Who may call it:** " + String.join(", ", roles)
					+ (roles.contains(Role.CUSTOMER.claim()) ? " (a customer: for their own data only)" : "") + ".";
			operation
				.description((operation.getDescription() != null) ? operation.getDescription() + "\n\n" + who : who);
			addProblem(operation, 400);
			addProblem(operation, 401);
			addProblem(operation, 403);
			addProblem(operation, 429);
		}
		return operation;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.info(new Info().title(this.properties.title())
			.description(this.properties.description())
			.version(this.properties.version()));
		if (openApi.getComponents() == null) {
			openApi.components(new Components());
		}
		openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
		openApi.getComponents()
			.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("An access token from the shop's OAuth2 issuer (its audience must be `shop-api`): "
						+ "for a person, the authorization code flow with PKCE; for a machine, client credentials. "
						+ "See docs/security.md."));
		if (openApi.getPaths() != null) {
			Paths sorted = new Paths();
			openApi.getPaths().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
				entry.getValue().readOperationsMap().forEach((method, operation) -> {
					if (COMMANDS.contains(method)) {
						addProblem(operation, 503);
					}
					if (operation.getRequestBody() != null) {
						// any body may be too large, or not JSON
						addProblem(operation, 413);
						addProblem(operation, 415);
					}
					sortResponses(operation);
				});
				sorted.addPathItem(entry.getKey(), entry.getValue());
			});
			openApi.paths(sorted);
		}
		if (openApi.getTags() != null) {
			openApi.setTags(openApi.getTags().stream().sorted(Comparator.comparing(Tag::getName)).toList());
		}
		openApi.getComponents().setSchemas(new TreeMap<>(openApi.getComponents().getSchemas()));
	}

	private static void sortResponses(Operation operation) {
		if (operation.getResponses() != null) {
			ApiResponses sorted = new ApiResponses();
			operation.getResponses()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((entry) -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
			operation.responses(sorted);
		}
	}

	private static void addProblem(Operation operation, int status) {
		String meaning = MEANINGS.get(status);
		if (meaning == null) {
			throw new IllegalStateException("No meaning documented for problem status " + status);
		}
		if (operation.getResponses() == null) {
			operation.responses(new ApiResponses());
		}
		String code = String.valueOf(status);
		if (operation.getResponses().containsKey(code)) {
			return;
		}
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", HttpStatus.valueOf(status).getReasonPhrase());
		example.put("status", status);
		example.put("detail", meaning.split(";")[0]);
		MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
			.examples(Map.of("problem", new Example().value(example)));
		ApiResponse response = new ApiResponse().description(meaning)
			.content(new Content().addMediaType(PROBLEM_JSON, media));
		if (status == 503 || status == 429) {
			response.addHeaderObject("Retry-After",
					new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
		}
		operation.getResponses().addApiResponse(code, response);
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().description("A URI that names the kind of problem"));
		properties.put("title", new StringSchema().description("The status's reason phrase, or the problem's name"));
		properties.put("status", new IntegerSchema().description("The HTTP status"));
		properties.put("detail", new StringSchema().description("What went wrong with this request"));
		properties.put("instance", new StringSchema().description("The request's path"));
		properties.put("errors",
				new ArraySchema()
					.items(new ObjectSchema()
						.addProperty("field", new StringSchema().description("The field, e.g. lines[0].quantity"))
						.addProperty("message", new StringSchema().description("What it must be")))
					.description("For 400 with invalid fields: each field and what is wrong with it"));
		ObjectSchema schema = new ObjectSchema();
		schema.description("RFC 9457 problem details; a problem may carry further members, e.g. currentVersion");
		schema.setProperties(properties);
		schema.setRequired(List.of("type", "title", "status"));
		return schema;
	}

}
