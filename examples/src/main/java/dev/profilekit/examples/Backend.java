package dev.profilekit.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The backend an example runs on, chosen by one command-line switch shared by every example.
 *
 * <ul>
 *   <li>no switch: {@link #IN_MEMORY}, the in-memory service of {@code profilekit-testing};
 *   <li>{@code --emulators}: {@link #EMULATORS}, dynalite and cognito-local started on loopback;
 *   <li>{@code --aws}: {@link #AWS}, a real user pool and table configured from the environment.
 * </ul>
 */
public enum Backend {
  /** The in-memory service: no network, no configuration. */
  IN_MEMORY("", "the in-memory service (no network, no AWS account)"),
  /** dynalite and cognito-local, installed by the build and started on free loopback ports. */
  EMULATORS("--emulators", "the local emulators (dynalite + cognito-local)"),
  /** Real Cognito and DynamoDB, configured by {@code PROFILEKIT_*} environment variables. */
  AWS("--aws", "AWS (Cognito + DynamoDB, configured from the environment)");

  private final String flag;
  private final String description;

  Backend(String flag, String description) {
    this.flag = flag;
    this.description = description;
  }

  /**
   * Returns the command-line switch that selects this backend.
   *
   * @return the switch, empty for the default
   */
  public String flag() {
    return flag;
  }

  /**
   * Returns a short description for output, such as "the in-memory service (...)".
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Opens this backend: creates the service (starting the emulators for {@link #EMULATORS}).
   *
   * @return the environment; close it to close the service and stop what was started
   * @throws IllegalStateException if the backend cannot be opened (emulators not installed, AWS
   *     settings missing); the message says what to do
   */
  public ExampleEnvironment open() {
    switch (this) {
      case EMULATORS:
        return EmulatorExampleEnvironment.start();
      case AWS:
        return AwsExampleEnvironment.fromEnvironment(System.getenv(), System.out);
      default:
        return InMemoryExampleEnvironment.create();
    }
  }

  /**
   * Picks the backend from command-line arguments; arguments other than the backend switches are
   * left for the caller (see {@link #remainingArguments(String[])}).
   *
   * @param args the command-line arguments
   * @return the backend
   * @throws IllegalArgumentException if both {@code --emulators} and {@code --aws} are given
   */
  public static Backend fromArguments(String... args) {
    Backend chosen = IN_MEMORY;
    for (String arg : args) {
      String normalized = arg.trim().toLowerCase(Locale.ROOT);
      for (Backend backend : values()) {
        if (!backend.flag.isEmpty() && backend.flag.equals(normalized)) {
          if (chosen != IN_MEMORY && chosen != backend) {
            throw new IllegalArgumentException("choose one of --emulators and --aws");
          }
          chosen = backend;
        }
      }
    }
    return chosen;
  }

  /**
   * Returns the arguments that are not backend switches, in order.
   *
   * @param args the command-line arguments
   * @return the other arguments
   */
  public static List<String> remainingArguments(String... args) {
    List<String> rest = new ArrayList<>();
    for (String arg : args) {
      String normalized = arg.trim().toLowerCase(Locale.ROOT);
      if (!normalized.isEmpty() && !normalized.equals(EMULATORS.flag) && !normalized.equals(AWS.flag)) {
        rest.add(arg.trim());
      }
    }
    return rest;
  }
}
