package com.example.shop.benchmarks.endtoend;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.example.shop.benchmarks.endtoend.RunResultTestData.aSustainedRun;
import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

	@Test
	void writesOneRowPerRunWithItsVerdict() {
		String table = MarkdownReport.runs(List.of(aSustainedRun().atRate(100).build(),
				aSustainedRun().atRate(400).completingPerSecond(250).build()), SustainabilityCriterion.DEFAULT);

		List<String> lines = table.lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("| Offered orders/s | Accepted orders/s | Completed sagas/s | Saga p50 ms");
		assertThat(lines.get(2))
			.startsWith("| 100 | 100 | 100 | 60.0 | 180.0 | 270.0 | 360.0 | 30.0 | 120.0 | 20.0 | 0 |")
			.endsWith("| yes |");
		assertThat(lines.get(3)).startsWith("| 400 | 400 | 250 |")
			.contains("no: 250.0 completed sagas/s is below 95% of the offered 400.0/s");
		// every row has as many cells as the header
		assertThat(lines).allSatisfy((line) -> assertThat(line.chars().filter((c) -> c == '|').count())
			.isEqualTo(lines.get(0).chars().filter((c) -> c == '|').count()));
	}

	@Test
	void writesTheProcessesAndTheirTotal() {
		String table = MarkdownReport.processes(aSustainedRun().atRate(100).build());

		assertThat(table).contains("At 100 orders/s, over the 20 s window:")
			.contains("| kafka | 0.25 | 440 | 450 | 430 |")
			.contains("| all | 0.25 | | | 430 |");
	}

	@Test
	void saysWhenAFigureIsUnknown() {
		assertThat(MarkdownReport.millis(Double.NaN)).isEqualTo("n/a");
		assertThat(MarkdownReport.number(30.75)).isEqualTo("30.8");
		assertThat(MarkdownReport.number(1_200)).isEqualTo("1,200");
	}

}
