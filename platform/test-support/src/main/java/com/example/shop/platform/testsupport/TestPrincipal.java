package com.example.shop.platform.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.example.shop.platform.localstack.IssuerClient;
import org.jspecify.annotations.Nullable;

/**
 * Who a test calls a service as, with a real token from the issuer of
 * {@link TestInfrastructure}: a person signed in through the issuer's form, or a machine
 * client with the client credentials flow. The demo users and clients are those of
 * {@code identity-service}'s configuration (README, Security). Tokens are reused until a
 * minute before they expire.
 */
public enum TestPrincipal {

	/**
	 * A machine client with every staff scope: what tests use when who calls is not the
	 * point.
	 */
	TRUSTED_CLIENT(null, null, "shop-demo", "demo-secret", "sales finance warehouse operations"),

	/** A sales channel: a machine client with the scope {@code sales} only. */
	SALES(null, null, "shop-demo", "demo-secret", "sales"),

	/** Alice, a customer, C-000001. */
	ALICE("alice", "C-000001", null, null, null),

	/** Bob, another customer, C-000002. */
	BOB("bob", "C-000002", null, null, null),

	/** Olivia, of operations. */
	OPERATIONS("olivia", null, null, null, null),

	/** Frank, of finance. */
	FINANCE("frank", null, null, null, null),

	/** Wendy, of the warehouse. */
	WAREHOUSE("wendy", null, null, null, null);

	private static final String DEMO_PASSWORD = "password";

	private static final Map<TestPrincipal, Supplier<IssuerClient.Token>> TOKENS = new ConcurrentHashMap<>();

	private final @Nullable String username;

	private final @Nullable String customerId;

	private final @Nullable String clientId;

	private final @Nullable String secret;

	private final @Nullable String scope;

	TestPrincipal(@Nullable String username, @Nullable String customerId, @Nullable String clientId,
			@Nullable String secret, @Nullable String scope) {
		this.username = username;
		this.customerId = customerId;
		this.clientId = clientId;
		this.secret = secret;
		this.scope = scope;
	}

	/**
	 * The roles this principal's token grants: a person's {@code roles}, a machine
	 * client's {@code scope}.
	 */
	public List<String> roles() {
		if (this.scope != null) {
			return List.of(this.scope.split(" "));
		}
		return switch (this) {
			case ALICE, BOB -> List.of("customer");
			case OPERATIONS -> List.of("operations");
			case FINANCE -> List.of("finance");
			case WAREHOUSE -> List.of("warehouse");
			default -> throw new IllegalStateException(this + " has no roles");
		};
	}

	/** The value of an {@code Authorization} header with this principal's token. */
	public String authorization() {
		return token().bearer();
	}

	/** The access token itself. */
	public String accessToken() {
		return token().accessToken();
	}

	/** The customer this principal is, for Alice and Bob. */
	public String customerId() {
		if (this.customerId == null) {
			throw new IllegalStateException(this + " is not a customer");
		}
		return this.customerId;
	}

	private IssuerClient.Token token() {
		return TOKENS.computeIfAbsent(this, (principal) -> IssuerClient.renewing(() -> {
			IssuerClient issuer = new IssuerClient(TestInfrastructure.get().issuerUri());
			return (principal.username != null) ? issuer.signIn(principal.username, DEMO_PASSWORD)
					: issuer.clientCredentials(principal.clientId, principal.secret, principal.scope);
		})).get();
	}

}
