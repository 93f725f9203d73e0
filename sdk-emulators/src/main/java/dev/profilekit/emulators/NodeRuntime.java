package dev.profilekit.emulators;

/** Finds the Node.js and npm executables the emulators run with, and says what to do when they are missing. */
final class NodeRuntime {

  /** System property naming the node executable, when {@code node} is not on the PATH. */
  static final String NODE_PROPERTY = "profilekit.node";

  /** System property naming the npm executable, when {@code npm} is not on the PATH. */
  static final String NPM_PROPERTY = "profilekit.npm";

  /** The oldest Node.js major version the pinned emulators are tested with. */
  static final int MINIMUM_NODE_MAJOR = 20;

  private NodeRuntime() {}

  static String nodeExecutable() {
    return System.getProperty(NODE_PROPERTY, "node");
  }

  static String npmExecutable() {
    String configured = System.getProperty(NPM_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    // On Windows npm is a batch file, which ProcessBuilder finds only by its full name.
    return System.getProperty("os.name", "").startsWith("Windows") ? "npm.cmd" : "npm";
  }

  static String missingNodeMessage(String node) {
    return "Cannot run '" + node + "': the ProfileKit emulators (dynalite, cognito-local) need Node.js "
        + MINIMUM_NODE_MAJOR + " or newer on the PATH (or -D" + NODE_PROPERTY + "=/path/to/node). "
        + "Install Node.js and run the tests again.";
  }

  static String missingNpmMessage(String npm) {
    return "Cannot run '" + npm + "': installing the ProfileKit emulators (dynalite, cognito-local) needs npm, "
        + "which comes with Node.js " + MINIMUM_NODE_MAJOR + " or newer, on the PATH (or -D" + NPM_PROPERTY
        + "=/path/to/npm). Install Node.js and run the tests again.";
  }
}
