package dev.profilekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs every benchmark once, briefly and in this JVM, so that a broken benchmark fails the build.
 * It measures nothing: the numbers of a smoke run are not looked at.
 */
class BenchmarkSmokeTest {

  @Test
  void everyTargetedBenchmarkRunsAndTheReportNamesIt() throws Exception {
    Collection<RunResult> results = PerformanceReport.run(true, null);

    Set<String> ran = results.stream()
        .map(result -> result.getParams().getBenchmark())
        .map(name -> name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1))
        .collect(Collectors.toSet());
    for (Target target : Targets.all()) {
      assertThat(ran).contains(target.benchmark());
      target.baseline().ifPresent(baseline -> assertThat(ran).contains(baseline));
    }
    assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());

    String report = PerformanceReport.render(results, true);
    for (Target target : Targets.all()) {
      assertThat(report).contains(target.title());
    }
    assertThat(report).contains("SMOKE RUN").doesNotContain("Not run in this report");
  }
}
