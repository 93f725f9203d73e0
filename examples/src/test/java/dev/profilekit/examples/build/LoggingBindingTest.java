package dev.profilekit.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The examples' first log call prints nothing: they are applications, so they choose an SLF4J
 * binding (slf4j-nop), and the AWS SDK's logging no longer starts every run with SLF4J's three
 * "Failed to load class org.slf4j.impl.StaticLoggerBinder" lines. Checked in a fresh JVM, because
 * SLF4J reports only once per JVM.
 */
class LoggingBindingTest {

  /** Logs once, as the AWS SDK does when a client is built. */
  public static void main(String[] args) {
    LoggerFactory.getLogger("software.amazon.awssdk.probe").info("probe");
  }

  @Test
  void theFirstLoggerOfAnExampleJvmPrintsNothing() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
            LoggingBindingTest.class.getName()))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).isEmpty();
    assertThat(System.getProperty("java.class.path").split(File.pathSeparator))
        .anyMatch(entry -> entry.contains("slf4j-api-2."));
  }
}
