package com.example.shop.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one directory that holds everything a stack run writes: {@code logs/} (one file per
 * process), {@code data/} (one directory per store) and {@code pids/} (what {@code down}
 * stops).
 *
 * @param root the directory, created if missing
 */
public record RunDirectory(Path root) {

	public RunDirectory {
		root = root.toAbsolutePath().normalize();
		try {
			Files.createDirectories(root.resolve("logs"));
			Files.createDirectories(root.resolve("data"));
			Files.createDirectories(root.resolve("pids"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the run directory " + root, ex);
		}
	}

	public Path log(String name) {
		return this.root.resolve("logs").resolve(name + ".log");
	}

	public Path data(String name) {
		return this.root.resolve("data").resolve(name);
	}

	public Path pidFile(String name) {
		return this.root.resolve("pids").resolve(name + ".pid");
	}

	public Path pids() {
		return this.root.resolve("pids");
	}

}
