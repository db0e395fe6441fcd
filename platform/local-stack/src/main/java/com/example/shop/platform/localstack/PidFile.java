package com.example.shop.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Records a process id together with the process's start time, so that a stale file never
 * makes {@code down} stop an unrelated process that happens to reuse the id.
 */
final class PidFile {

	private PidFile() {
	}

	static void write(Path file, ProcessHandle process) {
		long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
		try {
			Files.writeString(file, process.pid() + " " + started + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The process the file names, if that very process is still alive.
	 */
	static Optional<ProcessHandle> read(Path file) {
		try {
			String[] fields = Files.readString(file).trim().split(" ");
			long started = Long.parseLong(fields[1]);
			return ProcessHandle.of(Long.parseLong(fields[0]))
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info()
					.startInstant()
					.map((instant) -> instant.toEpochMilli() == started)
					.orElse(false));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
