package com.example.shop.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A test's HTTP call, without the checked exceptions: an I/O failure is unchecked, and an
 * interrupt is kept for the caller's thread to see.
 */
public final class Http {

	private Http() {
	}

	/** Sends the request and reads the answer's body as a string. */
	public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
