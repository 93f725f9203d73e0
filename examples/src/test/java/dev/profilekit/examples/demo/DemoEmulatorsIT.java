package dev.profilekit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.examples.Backend;
import dev.profilekit.examples.EmulatorExampleEnvironment;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo on AwsUserProfileService over dynalite and cognito-local: the same walk, checked line by
 * line. The Google and Apple steps are skipped there, and say why (cognito-local has no hosted UI).
 */
@WithEmulators
class DemoEmulatorsIT {

  private static final List<String> NOTES = List.of(
      "cognito-local lacks GlobalSignOut: the emulator backend answers it, and the REVOKED"
          + " rejection comes from ProfileKit's sign-out record in the profile table.",
      "cognito-local puts no origin_jti in its tokens, so the sign-out before the TOTP sign-in revokes only"
          + " the refresh token there; on AWS that session's ID and access tokens are rejected at once (REVOKED).");

  @Test
  void walkPrintsEveryStepOnTheEmulatorsAndNoSecret(EmulatorEnvironment pool) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RecordingEnvironment environment = new RecordingEnvironment(EmulatorExampleEnvironment.on(pool))) {
      DemoWalk.run(environment, new PrintStream(out, true, StandardCharsets.UTF_8));

      DemoTranscript.check(out.toString(StandardCharsets.UTF_8), Backend.EMULATORS, "ada@example.com",
          DemoTranscript.FEDERATED_SKIPPED, true, NOTES, environment.secrets());
      // The app's secret, its key URI, the enrolment's code and the sign-in's: none was printed.
      assertThat(environment.authenticatorSecrets()).hasSize(4);
    }
  }

  /** What the README's emulator command runs: starts its own emulators, walks, stops them. */
  @Test
  void mainWithTheEmulatorsSwitchStartsItsOwnEmulatorsAndSucceeds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = Demo.run(new String[] {"--emulators"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ProfileKit demo on " + Backend.EMULATORS.description())
        .contains("8. sign in (TOTP)").contains("14. sign out everywhere").contains("reason REVOKED").contains("15. delete accounts")
        .contains("Done: 15 steps");
  }
}
