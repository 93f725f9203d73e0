package dev.profilekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.benchmarks.backfill.BackfillThroughput;
import dev.profilekit.benchmarks.coldstart.ColdStart;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the two harnesses that are too slow for JMH once, tiny, so that a broken harness fails the
 * build. Their numbers are not looked at; what is checked is that every run did its work (each
 * harness throws unless every user got exactly one item and every fresh JVM read the stored
 * profile) and that the tables land in the report.
 */
class HarnessSmokeTest {

  @Test
  void backfillHarnessCreatesOneProfilePerUserOnBothSidesAndAppendsItsTable(@TempDir Path dir) throws Exception {
    HarnessTable table = BackfillThroughput.measure(true, 20, 50);

    assertThat(table.rows()).hasSize(2).allSatisfy(row -> assertThat(row.ratio()).isPositive().isFinite());
    Path report = dir.resolve("performance.md");
    Files.writeString(report, "# Performance\n");
    PerformanceReport.appendSection(report, table.render(true));
    assertThat(Files.readString(report)).contains("## Backfill on the emulators", "SMOKE RUN", "users/s");
  }

  @Test
  void coldStartHarnessReadsTheStoredProfileInFreshJvms() throws Exception {
    HarnessTable table = ColdStart.measure(true, 1);

    assertThat(table.rows()).hasSize(2).allSatisfy(row -> assertThat(row.ratio()).isPositive().isFinite());
    assertThat(table.render(true)).contains("## Cold start", "| reference |");
  }
}
