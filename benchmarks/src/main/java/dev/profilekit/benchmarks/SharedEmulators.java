package dev.profilekit.benchmarks;

import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import java.util.HashMap;
import java.util.Map;

/**
 * One pair of emulators (dynalite, cognito-local) per JVM, started on first use by any benchmark
 * or harness and stopped when the JVM exits. A measured run forks a JVM per benchmark, so each
 * fork starts its own pair once; the in-process smoke run shares one pair across benchmarks.
 */
public final class SharedEmulators {

  private static LocalEmulators emulators;
  private static final Map<String, EmulatorEnvironment> ENVIRONMENTS = new HashMap<>();

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

  /**
   * Returns the environment (user pool, app client, profile table, clients) of one benchmark
   * class, created on first use and kept for the JVM, so that the trials of a smoke run, one per
   * benchmark method, do not each create a pool and a table.
   *
   * @param label the benchmark class's simple name
   * @return the environment; not to be closed by the caller
   */
  public static synchronized EmulatorEnvironment environment(String label) {
    return ENVIRONMENTS.computeIfAbsent(label, l -> EmulatorEnvironment.create(get(), l));
  }
}
