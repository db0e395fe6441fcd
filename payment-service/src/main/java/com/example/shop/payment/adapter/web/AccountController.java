package com.example.shop.payment.adapter.web;

import java.net.URI;

import com.example.shop.payment.application.AccountBalance;
import com.example.shop.payment.application.AccountCommands;
import com.example.shop.payment.application.AccountQueries;
import com.example.shop.payment.domain.Account;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.payment.domain.InvalidAccountException;
import com.example.shop.payment.domain.Money;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.aggregate.Loaded;
import com.example.shop.platform.web.ProblemResponses;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Caller;
import com.example.shop.platform.web.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Customers' payment accounts: open one, deposit into it, read its balance, charges and
 * recent movements. Charges and refunds come from the fulfilment saga over Kafka, never
 * over REST.
 */
@RestController
@RequestMapping("/accounts")
@Tag(name = "Accounts", description = "Customers' payment accounts: opening, deposits, balances and charges")
class AccountController {

	private final AccountCommands commands;

	private final AccountQueries queries;

	private final Causes causes;

	AccountController(AccountCommands commands, AccountQueries queries, Causes causes) {
		this.commands = commands;
		this.queries = queries;
		this.causes = causes;
	}

	/**
	 * Opens an account: 201 with its balance, version ({@code ETag}) and
	 * {@code Location}; 409 when the customer has one.
	 */
	@PostMapping
	@Allow(Role.FINANCE)
	@Operation(summary = "Open a customer's payment account",
			description = "One account per customer, in one currency; 409 when the customer has one.")
	@ApiResponse(responseCode = "201", description = "Opened",
			headers = { @Header(name = "Location", description = "The account"),
					@Header(name = "ETag", description = "The account's version, e.g. \"1\"") })
	@ProblemResponses({ 400, 409, 413, 415, 422 })
	ResponseEntity<BalanceResponse> open(@Valid @RequestBody OpenAccountRequest request,
			@RequestHeader HttpHeaders headers, Caller caller) {
		CustomerId customerId = new CustomerId(request.customerId());
		AccountBalance opened = this.commands.open(customerId, new Money(request.initialBalance(), request.currency()),
				this.causes.ofRequest(headers, caller.name()));
		return ResponseEntity.created(URI.create("/accounts/" + customerId))
			.eTag(String.valueOf(opened.version()))
			.body(response(opened));
	}

	/**
	 * Adds money in the account's currency: 200 with the new balance and version.
	 */
	@PostMapping("/{customerId}/deposits")
	@Allow(Role.FINANCE)
	@Operation(summary = "Deposit money into an account",
			description = "In the account's currency (422 otherwise); 409 when the account kept changing during every "
					+ "retry, so sending again is safe.")
	@ApiResponse(responseCode = "200", description = "Deposited",
			headers = @Header(name = "ETag", description = "The account's new version"))
	@ProblemResponses({ 400, 404, 409, 413, 415, 422 })
	ResponseEntity<BalanceResponse> deposit(@Parameter(example = "C-000123") @PathVariable String customerId,
			@Valid @RequestBody DepositRequest request, @RequestHeader HttpHeaders headers, Caller caller) {
		AccountBalance deposited = this.commands.deposit(customerId(customerId),
				new Money(request.amount(), request.currency()), this.causes.ofRequest(headers, caller.name()));
		return ResponseEntity.ok().eTag(String.valueOf(deposited.version())).body(response(deposited));
	}

	/**
	 * The account now: balance, every charge and whether it was refunded, the last
	 * movements.
	 */
	@GetMapping("/{customerId}")
	@Allow({ Role.CUSTOMER, Role.FINANCE })
	@Operation(summary = "An account now",
			description = "Its balance, every charge and whether it was refunded, and the last movements.")
	@ApiResponse(responseCode = "200", description = "The account",
			headers = @Header(name = "ETag", description = "The account's version"))
	@ProblemResponses({ 404, 503 })
	ResponseEntity<AccountResponse> account(@Parameter(example = "C-000123") @PathVariable String customerId,
			Caller caller) {
		if (!caller.mayActFor(customerId)) {
			// another customer's account is answered like one that does not exist
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Customer " + customerId + " has no account");
		}
		Loaded<CustomerId, Account> loaded = this.queries.find(customerId(customerId));
		Account account = loaded.aggregate();
		return ResponseEntity.ok()
			.eTag(String.valueOf(loaded.version()))
			.body(new AccountResponse(account.customerId().value(), account.balance(), account.currency(),
					loaded.version(),
					account.charges()
						.stream()
						.map((charge) -> new AccountResponse.Charge(charge.orderId().toString(), charge.amount(),
								charge.chargedAt(), charge.refunded()))
						.toList(),
					account.recentMovements()
						.stream()
						.map((movement) -> new AccountResponse.Movement(movement.type().name(),
								(movement.orderId() != null) ? movement.orderId().toString() : null, movement.amount(),
								movement.at()))
						.toList()));
	}

	private static BalanceResponse response(AccountBalance balance) {
		return new BalanceResponse(balance.customerId().value(), balance.balance(), balance.currency(),
				balance.version());
	}

	/**
	 * A path that is not a customer id names no account: 404, like any unknown account.
	 */
	private static CustomerId customerId(String text) {
		try {
			return new CustomerId(text);
		}
		catch (InvalidAccountException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Customer " + text + " has no account");
		}
	}

}
