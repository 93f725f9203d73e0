package dev.profilekit.aws.cognito.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Runs {@code src/test/srp-oracle/oracle.js}: AWS's {@code amazon-cognito-identity-js}, pinned in
 * that folder's package-lock.json and installed by the build with {@code npm ci}, signing in with
 * SRP against a scripted Cognito. Fails with a clear message when Node or the library is missing.
 */
final class SrpOracle {

  /** System property naming the folder where the build installed the oracle. */
  static final String DIR_PROPERTY = "profilekit.srpOracle.dir";

  private SrpOracle() {}

  /**
   * Runs the oracle.
   *
   * @param inputJson {@code {userPoolId, clientId, clientSecret, vectors: [...]}}
   * @return one result per vector
   */
  static List<JsonNode> run(String inputJson) throws IOException, InterruptedException {
    Path dir = Paths.get(System.getProperty(DIR_PROPERTY, "target/srp-oracle")).toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("node_modules/amazon-cognito-identity-js/package.json"))) {
      throw new IllegalStateException("amazon-cognito-identity-js is not installed in " + dir
          + ": run 'mvn -pl sdk-aws generate-test-resources', which runs 'npm ci' from src/test/srp-oracle");
    }
    String node = System.getProperty("profilekit.node", "node");
    Process process;
    try {
      process = new ProcessBuilder(node, "oracle.js").directory(dir.toFile()).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run '" + node + "': the SRP oracle test needs Node.js 20 or newer on the PATH "
          + "(or -Dprofilekit.node=/path/to/node)", e);
    }
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(inputJson.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the SRP oracle did not finish in 60 s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("the SRP oracle failed (exit " + process.exitValue() + "): " + err);
    }
    return JsonNode.parser().parse(out).asArray();
  }
}
