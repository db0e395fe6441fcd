package com.example.shop.platform.localstack;

/**
 * The pause between two polls of something that is starting or stopping.
 */
final class Sleep {

	private Sleep() {
	}

	static void briefly() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalStackException("Interrupted while waiting", ex);
		}
	}

}
