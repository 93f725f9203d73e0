package dev.profilekit.benchmarks;

import dev.profilekit.aws.emulators.LocalEmulators;

/**
 * One pair of emulators (dynalite, cognito-local) per JVM, started on first use by any benchmark
 * or harness and stopped when the JVM exits. A measured run forks a JVM per benchmark, so each
 * fork starts its own pair once; the in-process smoke run shares one pair across benchmarks.
 */
public final class SharedEmulators {

  private static LocalEmulators emulators;

  private SharedEmulators() {}

  /**
   * Returns the running emulators, starting them on the first call.
   *
   * @return the emulators
   */
  public static synchronized LocalEmulators get() {
    if (emulators == null) {
      // LocalEmulators registers its own shutdown hook, which stops both processes.
      emulators = LocalEmulators.start();
    }
    return emulators;
  }
}
