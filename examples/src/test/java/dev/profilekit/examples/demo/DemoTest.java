package dev.profilekit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.examples.Backend;
import dev.profilekit.examples.InMemoryExampleEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's first command, on the in-memory service: every printed step is checked. */
class DemoTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void walkPrintsEveryStepOnTheInMemoryServiceAndNoSecret() {
    try (RecordingEnvironment environment = new RecordingEnvironment(InMemoryExampleEnvironment.create())) {
      DemoWalk.run(environment, print(out));

      DemoTranscript.check(text(out), Backend.IN_MEMORY, "ada@example.com", DemoTranscript.FEDERATED_SEEDED, true, List.of(), environment.secrets());
      // The code, the password and three tokens at least.
      assertThat(environment.secrets()).hasSizeGreaterThanOrEqualTo(5);
      // The app's secret, its key URI, the enrolment's code and the sign-in's: none was printed.
      assertThat(environment.authenticatorSecrets()).hasSize(4);
    }
  }

  @Test
  void mainWithoutArgumentsRunsOnTheInMemoryServiceAndSucceeds() {
    int status = Demo.run(new String[0], print(out), print(err));

    assertThat(status).isZero();
    assertThat(text(err)).isEmpty();
    assertThat(text(out)).startsWith("ProfileKit demo on " + Backend.IN_MEMORY.description())
        .contains("14. sign out everywhere").contains("15. delete accounts").contains("Done: 15 steps");
  }

  @Test
  void unknownArgumentsExitWithUsageAndStatus2() {
    int status = Demo.run(new String[] {"--cloud"}, print(out), print(err));

    assertThat(status).isEqualTo(2);
    assertThat(text(err)).contains("unknown argument --cloud").contains("usage");
    assertThat(text(out)).isEmpty();
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream buffer) {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
