package com.example.shop.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command-line tools the checks run.
 */
final class Tools {

	private Tools() {
	}

	/**
	 * Runs a command in the repository's root and asserts that it ends within a minute
	 * with exit code 0; what it printed is the failure's message.
	 */
	static void runsCleanly(List<String> command) throws IOException, InterruptedException {
		Path output = Files.createTempFile("deployment-check", ".log");
		try {
			Process process = new ProcessBuilder(command).directory(Repository.ROOT.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			boolean finished = process.waitFor(60, TimeUnit.SECONDS);
			if (!finished) {
				process.destroyForcibly();
			}
			String said = Files.readString(output, StandardCharsets.UTF_8);
			assertThat(finished).as("%s finished within a minute; it said:%n%s", command, said).isTrue();
			assertThat(process.exitValue()).as("'%s' exit code; it said:%n%s", String.join(" ", command), said)
				.isZero();
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	static boolean onPath(String executable) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, executable);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return true;
			}
		}
		return false;
	}

}
