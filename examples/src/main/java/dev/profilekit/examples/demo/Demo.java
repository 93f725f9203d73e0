package dev.profilekit.examples.demo;

import dev.profilekit.ProfileKitException;
import dev.profilekit.examples.Backend;
import dev.profilekit.examples.ExampleEnvironment;
import java.io.PrintStream;
import java.util.List;

/**
 * The README's first command ({@code mvn -B -q -Pdemo package}): a walk through ProfileKit, one
 * line per step, on the in-memory service by default, on the local emulators with {@code
 * --emulators}, or on real AWS with {@code --aws} (see {@link dev.profilekit.examples.AwsExampleEnvironment}
 * for the environment variables).
 */
public final class Demo {

  private Demo() {}

  /**
   * Runs the demo and exits with status 1 if it fails.
   *
   * @param args {@code --emulators} or {@code --aws}, or nothing for the in-memory service
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the demo, printing the walk to {@code out} and a failure to {@code err}.
   *
   * @param args the command-line arguments
   * @param out where the walk is printed
   * @param err where a failure is explained
   * @return 0 when every step behaved as documented, 1 when one did not, 2 for bad arguments
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Backend backend;
    try {
      backend = Backend.fromArguments(args);
      List<String> unknown = Backend.remainingArguments(args);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("unknown argument " + unknown.get(0));
      }
    } catch (IllegalArgumentException badArguments) {
      err.println("demo: " + badArguments.getMessage() + "; usage: Demo [--emulators | --aws]");
      return 2;
    }
    try (ExampleEnvironment environment = backend.open()) {
      DemoWalk.run(environment, out);
      return 0;
    } catch (DemoFailure | ProfileKitException | IllegalStateException failure) {
      // ProfileKit messages never contain secrets, so they are safe to show.
      err.println("demo failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
      return 1;
    }
  }
}
