package dev.profilekit.spring;

/**
 * Records how long a bearer-token verification took and how it ended; Micrometer's timer when
 * Micrometer is present ({@link ProfileKitMetrics}), nothing otherwise.
 */
@FunctionalInterface
interface VerificationTimer {

  /** Records nothing: the application has no Micrometer. */
  VerificationTimer NONE = (nanos, outcome) -> {};

  /**
   * Records one verification.
   *
   * @param nanos how long it took
   * @param outcome {@code ok}, {@code unavailable}, or the rejection reason in lower case
   */
  void record(long nanos, String outcome);
}
