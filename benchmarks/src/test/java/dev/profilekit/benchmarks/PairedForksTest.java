package dev.profilekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.benchmarks.profiles.ProfileServiceBenchmark;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the paired forks: each target's two sides alternate, the order reversed each round. */
class PairedForksTest {

  private static final String P = ProfileServiceBenchmark.class.getName() + ".";

  @Test
  void eachTargetsSidesFormOneGroupBenchmarkFirst() {
    List<List<String>> groups = PairedForks.groups(ProfileServiceBenchmark.class,
        PerformanceReport.benchmarkNames(ProfileServiceBenchmark.class), Targets.all());

    assertThat(groups).contains(List.of(P + "getProfile", P + "rawGetItem"), List.of(P + "updateProfile", P + "rawUpdateItem"));
    assertThat(groups.stream().flatMap(List::stream))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(PerformanceReport.benchmarkNames(ProfileServiceBenchmark.class));
  }

  @Test
  void aSelectionKeepsOnlyItsBenchmarks() {
    List<List<String>> groups = PairedForks.groups(ProfileServiceBenchmark.class,
        List.of(P + "updateProfile", P + "rawUpdateItem", P + "rawGetItem"), Targets.all());

    assertThat(groups).containsExactly(List.of(P + "rawGetItem"), List.of(P + "updateProfile", P + "rawUpdateItem"));
  }

  @Test
  void sidesAlternateAndEachRoundReversesTheOrder() {
    List<String> order = PairedForks.schedule(List.of(List.of("A", "B"), List.of("C", "D"), List.of("E")), 3);

    assertThat(order).containsExactly("A", "B", "C", "D", "E", "B", "A", "D", "C", "E", "A", "B", "C", "D", "E");
  }
}
