package dev.profilekit.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn -B -q} must print only what the build prints, so the README's demo transcript diffs
 * cleanly against a real run. Maven 3.8/3.9 ship Jansi, which writes a terminal reset code
 * ({@code ESC[0m}) when it installs and uninstalls its console streams, even in batch mode and with
 * {@code -Dstyle.color=never}; the repository's {@code .mvn/jvm.config} sets {@code jansi.noreset}
 * to stop that. This runs the Maven that runs this build on an empty project that has only that file.
 */
class MavenConsoleOutputTest {

  private static final Path JVM_CONFIG = Path.of("..", ".mvn", "jvm.config");

  @Test
  void quietBatchOutputWithTheRepositorysMavenConfigHasNoTerminalCodes(@TempDir Path project) throws Exception {
    assertThat(JVM_CONFIG).as("the repository's .mvn/jvm.config").isRegularFile();
    Files.createDirectories(project.resolve(".mvn"));
    Files.copy(JVM_CONFIG, project.resolve(".mvn/jvm.config"));
    Files.writeString(project.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>empty</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
        </project>
        """);

    Process maven = new ProcessBuilder(mvn(), "-B", "-q", "-o", "validate")
        .directory(project.toFile()).redirectErrorStream(true).start();
    String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(maven.waitFor(120, TimeUnit.SECONDS)).as("mvn finished").isTrue();
    assertThat(maven.exitValue()).as("mvn exit status; output: %s", output).isZero();
    // An empty quiet build prints nothing at all: any byte here would precede or follow the demo's output.
    assertThat(output.replace("\u001b", "ESC")).as("stdout and stderr of mvn -B -q").isEmpty();
  }

  /** The mvn of the Maven running this build (the POM passes maven.home), else the one on the PATH. */
  private static String mvn() throws IOException {
    String home = System.getProperty("maven.home");
    if (home == null || home.isBlank()) {
      return "mvn";
    }
    Path mvn = Path.of(home, "bin", "mvn");
    assertThat(mvn).as("mvn of maven.home").isExecutable();
    return mvn.toString();
  }
}
