package com.example.shop.platform.localstack;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Entry point of every child JVM:
 * {@code ParentWatchdog <parent pid> <main class> <arguments...>} runs the main class and
 * ends this JVM as soon as the parent process is gone.
 */
public final class ParentWatchdog {

	private ParentWatchdog() {
	}

	public static void main(String[] args) throws Throwable {
		long parent = Long.parseLong(args[0]);
		ProcessHandle.of(parent)
			.ifPresentOrElse((handle) -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
					() -> Runtime.getRuntime().halt(3));
		try {
			Class.forName(args[1])
				.getMethod("main", String[].class)
				.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
