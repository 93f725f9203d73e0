package dev.profilekit.benchmarks;

import java.util.Objects;
import java.util.Optional;

/**
 * One performance target: a benchmark method judged against a baseline method of the same run
 * ({@code score / baselineScore <= maxRatio}), or against an absolute bound when there is no
 * baseline ({@code score <= maxScore}, in the benchmark's own unit).
 *
 * @param title what is measured, as the report's row heading
 * @param benchmark the JMH benchmark, {@code SimpleClassName.method}
 * @param baseline the baseline benchmark, {@code SimpleClassName.method}, or empty for an absolute bound
 * @param maxRatio the largest acceptable ratio to the baseline (ignored without baseline)
 * @param maxScore the largest acceptable score without a baseline (ignored with one)
 * @param why the reasoning behind the target, from the issue
 */
public record Target(String title, String benchmark, Optional<String> baseline, double maxRatio, double maxScore, String why) {

  /** Checks that the names are present. */
  public Target {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(why, "why");
  }

  /**
   * A target relative to a baseline measured in the same run.
   *
   * @param title the row heading
   * @param benchmark the benchmark
   * @param baseline the baseline
   * @param maxRatio the largest acceptable {@code score / baselineScore}
   * @param why the reasoning
   * @return the target
   */
  public static Target ratio(String title, String benchmark, String baseline, double maxRatio, String why) {
    return new Target(title, benchmark, Optional.of(baseline), maxRatio, Double.NaN, why);
  }

  /**
   * An absolute target, for measurements without a meaningful baseline.
   *
   * @param title the row heading
   * @param benchmark the benchmark
   * @param maxScore the largest acceptable score, in the benchmark's unit
   * @param why the reasoning
   * @return the target
   */
  public static Target absolute(String title, String benchmark, double maxScore, String why) {
    return new Target(title, benchmark, Optional.empty(), Double.NaN, maxScore, why);
  }
}
