package dev.profilekit.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link ConsumerEmulatorsIT} honest: it may use the JDK, JUnit, AssertJ, the public API of
 * {@code profilekit-api} / {@code profilekit-aws} and {@code profilekit-emulators}, and nothing of
 * this repository's own test code (no sdk-aws test helpers, no examples classes).
 */
class ConsumerImportsTest {

  private static final List<String> ALLOWED = List.of(
      "java.", "org.junit.jupiter.api.", "org.assertj.core.api.", "software.amazon.awssdk.",
      "dev.profilekit.emulators.", "dev.profilekit.aws.AwsUserProfileService",
      "dev.profilekit.aws.cognito.PasswordAuthFlow");

  @Test
  void theConsumerTestImportsOnlyThePublishedArtifacts() throws IOException {
    Path source = Path.of("src/test/java/dev/profilekit/examples/consumer/ConsumerEmulatorsIT.java");

    List<String> imports = Files.readAllLines(source).stream()
        .filter(line -> line.startsWith("import "))
        .map(line -> line.replaceFirst("^import (static )?", "").replace(";", ""))
        .toList();

    assertThat(imports).isNotEmpty().allSatisfy(name -> assertThat(
        ALLOWED.stream().anyMatch(name::startsWith) || name.matches("dev\\.profilekit\\.[A-Z]\\w*"))
        .as("import %s is outside profilekit-api, profilekit-aws's public entry point and profilekit-emulators", name)
        .isTrue());
    assertThat(imports).anyMatch(name -> name.startsWith("dev.profilekit.emulators."));
  }
}
