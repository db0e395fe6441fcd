package com.example.shop.deployment;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line tools the checks run.
 */
final class Tools {

	private Tools() {
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
