package dev.profilekit.benchmarks;

import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pair of emulators (dynalite, cognito-local) per JVM, on first use by any benchmark or
 * harness: started here and stopped when the JVM exits, or, when the JVM is a benchmark fork whose
 * parent passed {@link #DYNAMODB_ENDPOINT_PROPERTY} and {@link #COGNITO_ENDPOINT_PROPERTY}, the
 * parent's running pair ({@link LocalEmulators#attach}). {@link PerformanceReport} passes them to
 * the forks of {@link Targets#pairedForkClasses()}, so that every fork of both sides of a target
 * talks to the same dynalite; other forks, and a fork run by hand, start their own. The in-process
 * smoke run shares one pair across benchmarks.
 */
public final class SharedEmulators {

  /** System property: the endpoint of a running dynalite to attach to instead of starting one. */
  public static final String DYNAMODB_ENDPOINT_PROPERTY = "profilekit.benchmarks.dynamoDbEndpoint";

  /** System property: the endpoint of the running cognito-local started with that dynalite. */
  public static final String COGNITO_ENDPOINT_PROPERTY = "profilekit.benchmarks.cognitoEndpoint";

  private static LocalEmulators emulators;
  private static final Map<String, EmulatorEnvironment> ENVIRONMENTS = new HashMap<>();

  private SharedEmulators() {}

  /**
   * Returns the emulators: the running pair named by the endpoint properties, else the pair this
   * JVM started on the first call.
   *
   * @return the emulators
   * @throws IllegalStateException when only one endpoint property is set, or the named emulators
   *     do not answer
   */
  public static synchronized LocalEmulators get() {
    if (emulators == null) {
      String dynamoDb = System.getProperty(DYNAMODB_ENDPOINT_PROPERTY);
      String cognito = System.getProperty(COGNITO_ENDPOINT_PROPERTY);
      if ((dynamoDb == null) != (cognito == null)) {
        throw new IllegalStateException("Set both " + DYNAMODB_ENDPOINT_PROPERTY + " and " + COGNITO_ENDPOINT_PROPERTY
            + " (a running pair to attach to), or neither (start one)");
      }
      // A started pair's LocalEmulators registers its own shutdown hook, which stops both processes.
      emulators = dynamoDb == null ? LocalEmulators.start() : LocalEmulators.attach(URI.create(dynamoDb), URI.create(cognito));
    }
    return emulators;
  }

  /**
   * Returns the JVM arguments that make a fork attach to this JVM's emulators, starting them if
   * they are not running yet.
   *
   * @return the two {@code -D} arguments
   */
  public static List<String> forkArguments() {
    LocalEmulators running = get();
    return List.of(
        "-D" + DYNAMODB_ENDPOINT_PROPERTY + "=" + running.dynamoDbEndpoint(),
        "-D" + COGNITO_ENDPOINT_PROPERTY + "=" + running.cognitoEndpoint());
  }

  /**
   * Returns the environment (user pool, app client, profile table, clients) of one benchmark
   * class, created on first use and kept for the JVM, so that the trials of a smoke run, one per
   * benchmark method, do not each create a pool and a table. On an attached pair the names carry
   * this process's id, since every fork creates its own table on the same dynalite.
   *
   * @param label the benchmark class's simple name
   * @return the environment; not to be closed by the caller
   */
  public static synchronized EmulatorEnvironment environment(String label) {
    LocalEmulators running = get();
    String unique = running.ownsProcesses() ? label : label + "-" + ProcessHandle.current().pid();
    return ENVIRONMENTS.computeIfAbsent(label, l -> EmulatorEnvironment.create(running, unique));
  }
}
