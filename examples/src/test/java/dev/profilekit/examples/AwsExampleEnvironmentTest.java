package dev.profilekit.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AWS backend is not run by the tests (no account), but its configuration errors are. */
class AwsExampleEnvironmentTest {

  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void anEmptyEnvironmentNamesTheFirstMissingVariable() {
    assertThatThrownBy(() -> AwsExampleEnvironment.fromEnvironment(Map.of(), NOWHERE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PROFILEKIT_REGION")
        .hasMessageContaining("README.md");
  }

  @Test
  void aBlankVariableCountsAsMissing() {
    Map<String, String> variables = new HashMap<>(Map.of(
        "PROFILEKIT_REGION", "eu-west-1",
        "PROFILEKIT_USER_POOL_ID", "eu-west-1_AbCdEf123",
        "PROFILEKIT_CLIENT_ID", "client",
        "PROFILEKIT_TABLE", "  ",
        "PROFILEKIT_DOMAIN", "https://example.auth.eu-west-1.amazoncognito.com"));

    assertThatThrownBy(() -> AwsExampleEnvironment.fromEnvironment(variables, NOWHERE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PROFILEKIT_TABLE");
  }
}
