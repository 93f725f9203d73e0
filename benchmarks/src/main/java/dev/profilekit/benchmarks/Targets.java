package dev.profilekit.benchmarks;

import java.util.List;

/**
 * The performance targets of ProfileKit (issue "Benchmarks" and DESIGN section 6), and the
 * benchmark classes that measure them. Every benchmark reports average time per operation in
 * {@link PerformanceReport#UNIT}.
 */
public final class Targets {

  private Targets() {}

  /**
   * Returns the benchmark classes the report runs.
   *
   * @return the classes
   */
  public static List<Class<?>> benchmarkClasses() {
    return List.of(TokenVerificationBenchmark.class);
  }

  /**
   * Returns every target, in report order.
   *
   * @return the targets
   */
  public static List<Target> all() {
    return List.of(
        Target.ratio(
            "nimbus DefaultJWTProcessor vs bare RS256 verify (reference)",
            "TokenVerificationBenchmark.nimbusDefaultProcessor",
            "TokenVerificationBenchmark.jdkSignatureVerify",
            3.0,
            "Context for the verifier target: what the JOSE library alone costs over the signature check."));
  }
}
