package dev.profilekit.aws.emulators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the Node.js executable and the {@code node_modules} folder that {@code npm ci} filled
 * with the pinned emulators.
 */
final class NodeRuntime {

  /** System property naming the folder holding {@code node_modules} (set by the build). */
  static final String EMULATORS_DIR_PROPERTY = "profilekit.emulators.dir";

  /** System property naming the node executable, when {@code node} is not on the PATH. */
  static final String NODE_PROPERTY = "profilekit.node";

  private NodeRuntime() {}

  static String nodeExecutable() {
    return System.getProperty(NODE_PROPERTY, "node");
  }

  static String missingNodeMessage(String node) {
    return "Cannot run '" + node + "': ProfileKit's emulator-backed tests need Node.js 18 or newer on the PATH "
        + "(or -D" + NODE_PROPERTY + "=/path/to/node). Install Node.js and run 'mvn verify' again.";
  }

  /**
   * Returns the folder that holds {@code node_modules/dynalite} and {@code
   * node_modules/cognito-local}.
   *
   * @return the folder
   * @throws IllegalStateException naming what to run when the emulators are not installed
   */
  static Path emulatorsDir() {
    String configured = System.getProperty(EMULATORS_DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path dir = Paths.get(configured).toAbsolutePath().normalize();
      if (installed(dir)) {
        return dir;
      }
      throw notInstalled(dir.toString());
    }
    // Outside Maven (an IDE run): look for sdk-aws/target/emulators from the working directory up.
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : new Path[] {dir.resolve("target/emulators"), dir.resolve("sdk-aws/target/emulators")}) {
        if (installed(candidate)) {
          return candidate;
        }
      }
    }
    throw notInstalled("sdk-aws/target/emulators (searched upward from " + Paths.get("").toAbsolutePath() + ")");
  }

  private static boolean installed(Path dir) {
    return Files.isRegularFile(dir.resolve("node_modules/dynalite/cli.js"))
        && Files.isRegularFile(dir.resolve("node_modules/cognito-local/lib/bin/start.js"));
  }

  private static IllegalStateException notInstalled(String where) {
    return new IllegalStateException(
        "The emulators (npm dynalite and cognito-local) are not installed in " + where
            + ". Run 'mvn verify' (or 'mvn -pl sdk-aws generate-test-resources'), which runs 'npm ci' "
            + "from sdk-aws/src/test/emulators/package-lock.json; or set -D" + EMULATORS_DIR_PROPERTY
            + " to a folder holding node_modules.");
  }
}
