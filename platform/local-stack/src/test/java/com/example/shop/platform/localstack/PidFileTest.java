package com.example.shop.platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PidFileTest {

	@TempDir
	Path dir;

	@Test
	void findsTheLiveProcessItRecorded() {
		Path file = this.dir.resolve("self.pid");
		PidFile.write(file, ProcessHandle.current());

		assertThat(PidFile.read(file))
			.hasValueSatisfying((process) -> assertThat(process.pid()).isEqualTo(ProcessHandle.current().pid()));
	}

	@Test
	void ignoresAReusedProcessIdWhoseStartTimeDiffers() throws Exception {
		Path file = this.dir.resolve("stale.pid");
		Files.writeString(file, ProcessHandle.current().pid() + " 12345\n");

		assertThat(PidFile.read(file)).isEmpty();
	}

	@Test
	void ignoresAMissingOrGarbledFile() throws Exception {
		Path garbled = this.dir.resolve("garbled.pid");
		Files.writeString(garbled, "not a pid");

		assertThat(PidFile.read(this.dir.resolve("missing.pid"))).isEmpty();
		assertThat(PidFile.read(garbled)).isEmpty();
	}

}
